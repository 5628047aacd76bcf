// Fuzz target: CSV facts through parseCsv (the text entry of loadCsv), then the column lookups
// every facts reader makes.
#include <cstddef>
#include <cstdint>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace exhibit;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const CsvTable table = parseCsv(fuzz::asText(data, size), "fuzz.csv");
        for (const CsvRow& row : table.rows()) {
            fuzz::fuzzCheck(row.size() == table.header().size(), "a row with another field count than the header");
            fuzz::fuzzCheck(row.line() >= 2, "a data row on line 1 (the header's)");
        }
        for (const auto& name : table.header()) {
            fuzz::fuzzCheck(table.hasColumn(name), "hasColumn() misses a header name");
            fuzz::fuzzCheck(table.column(name) < table.header().size(), "column() beyond the header");
        }
        (void)table.column("adcode");  // ContentError when absent, like the facts readers
    } catch (const ContentError&) {
        // Malformed CSV or a missing column: expected.
    }
    return 0;
}
