#include "core/csv.hpp"

#include <utility>

#include "core/error.hpp"
#include "core/text_file.hpp"

namespace exhibit {

std::size_t CsvTable::column(std::string_view name) const {
    for (std::size_t i = 0; i < header_.size(); ++i) {
        if (header_[i] == name) return i;
    }
    throw ContentError(name_ + ": missing column \"" + std::string(name) + "\"");
}

bool CsvTable::hasColumn(std::string_view name) const {
    for (const std::string& h : header_) {
        if (h == name) return true;
    }
    return false;
}

namespace {

struct Record {
    std::vector<std::string> fields;
    std::size_t line = 0;
};

class Reader {
public:
    Reader(std::string_view text, const std::string& file) : text_(text), file_(file) {
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
    }

    bool atEnd() const { return pos_ >= text_.size(); }

    // Reads the next record; returns false at the end of the text.
    bool next(Record& out) {
        while (!atEnd() && atLineBreak()) skipLineBreak();  // empty lines
        if (atEnd()) return false;
        out.fields.clear();
        out.line = line_;
        std::string field;
        for (;;) {
            field.clear();
            if (!atEnd() && text_[pos_] == '"') {
                quoted(field);
            } else {
                while (!atEnd() && text_[pos_] != ',' && !atLineBreak()) {
                    if (text_[pos_] == '"') fail(line_, "quote inside an unquoted field");
                    field.push_back(text_[pos_++]);
                }
            }
            out.fields.push_back(field);
            if (atEnd()) return true;
            if (text_[pos_] == ',') {
                ++pos_;
                continue;
            }
            skipLineBreak();
            return true;
        }
    }

    [[noreturn]] void fail(std::size_t line, const std::string& message) const {
        throw ContentError(file_ + ":" + std::to_string(line) + ": " + message);
    }

private:
    bool atLineBreak() const {
        return text_[pos_] == '\n' || text_[pos_] == '\r';
    }
    void skipLineBreak() {
        if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
        ++pos_;
        ++line_;
    }

    void quoted(std::string& field) {
        const std::size_t startLine = line_;
        ++pos_;  // opening quote
        for (;;) {
            if (atEnd()) fail(startLine, "unterminated quoted field");
            const char c = text_[pos_++];
            if (c == '"') {
                if (!atEnd() && text_[pos_] == '"') {
                    field.push_back('"');
                    ++pos_;
                    continue;
                }
                break;
            }
            if (c == '\n') ++line_;
            field.push_back(c);
        }
        if (!atEnd() && text_[pos_] != ',' && !atLineBreak()) fail(line_, "unexpected text after a closing quote");
    }

    std::string_view text_;
    const std::string& file_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
};

}  // namespace

CsvTable parseCsv(std::string_view text, const std::string& displayName) {
    if (text.size() > kMaxCsvBytes) {
        throw ContentError(displayName + ": file too large (" + std::to_string(text.size()) + " bytes, limit " +
                           std::to_string(kMaxCsvBytes) + ")");
    }
    Reader reader(text, displayName);
    Record header;
    if (!reader.next(header)) throw ContentError(displayName + ": empty file (no header row)");
    std::vector<CsvRow> rows;
    Record record;
    while (reader.next(record)) {
        if (record.fields.size() != header.fields.size()) {
            reader.fail(record.line, "expected " + std::to_string(header.fields.size()) + " fields, got " +
                                         std::to_string(record.fields.size()));
        }
        rows.emplace_back(std::move(record.fields), record.line);
        record.fields = {};
    }
    return CsvTable(displayName, std::move(header.fields), std::move(rows));
}

CsvTable loadCsv(const std::filesystem::path& path) {
    return parseCsv(readTextFile(path, kMaxCsvBytes), displayNameOf(path));
}

}  // namespace exhibit
