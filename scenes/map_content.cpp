#include "scenes/map_content.hpp"

#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "core/csv.hpp"
#include "core/text_file.hpp"

namespace exhibit {
namespace {

// The newest parsed copy of each file, by absolute path, with the bytes it was parsed from.
template <class T>
class ParsedFiles {
public:
    using Parse = T (*)(std::string_view text, const std::string& displayName);

    std::shared_ptr<const T> get(const std::filesystem::path& path, std::uintmax_t maxBytes, Parse parse) {
        const std::string text = readTextFile(path, maxBytes);
        const std::size_t hash = std::hash<std::string_view>{}(text);
        const std::string key = std::filesystem::absolute(path).lexically_normal().string();
        {
            const std::lock_guard lock(mutex_);
            const auto it = files_.find(key);
            if (it != files_.end() && it->second.size == text.size() && it->second.hash == hash) return it->second.parsed;
        }
        auto parsed = std::make_shared<const T>(parse(text, displayNameOf(path)));  // throws for a bad file
        const std::lock_guard lock(mutex_);
        files_[key] = {text.size(), hash, parsed};
        return parsed;
    }

private:
    struct File {
        std::size_t size = 0;
        std::size_t hash = 0;
        std::shared_ptr<const T> parsed;
    };
    std::mutex mutex_;
    std::map<std::string, File, std::less<>> files_;
};

}  // namespace

std::shared_ptr<const GeoCollection> sharedGeoJson(const std::filesystem::path& path) {
    static ParsedFiles<GeoCollection> files;
    return files.get(path, kMaxGeoJsonBytes, &parseGeoJson);
}

std::shared_ptr<const CountyFacts> sharedCountyFacts(const std::filesystem::path& path) {
    static ParsedFiles<CountyFacts> files;
    return files.get(path, kMaxCsvBytes, &parseCountyFacts);
}

MapContent loadMapContent(const ShowFile& show, const MapSceneSpec& spec) {
    MapContent content;
    content.province = sharedGeoJson(show.resolve(spec.geo.province));
    content.prefectures = sharedGeoJson(show.resolve(spec.geo.prefectures));
    content.counties = sharedGeoJson(show.resolve(spec.geo.counties));
    content.facts = sharedCountyFacts(show.resolve(spec.facts.counties));
    return content;
}

}  // namespace exhibit
