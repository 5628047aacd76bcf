// RFC 4180 CSV reader for content tables (facts, sources).
//
// Use:
//   CsvTable t = loadCsv(assets / "shows/guizhou/facts/guizhou_counties.csv");
//   const std::size_t name = t.column("name");           // throws if the header lacks it
//   for (const CsvRow& row : t.rows()) use(row[name], row.line());
//
// The first record is the header. Fields may be quoted; inside quotes "" is a quote and commas and
// line breaks are literal. Records end with LF or CRLF (a final line break is optional); a UTF-8
// byte-order mark at the start is skipped. Completely empty lines are skipped. Every record must
// have as many fields as the header.
//
// Errors throw ContentError with one line naming the file and line, e.g.
//   guizhou_counties.csv:12: expected 10 fields, got 9
//   guizhou_counties.csv: missing column "adcode"
// Files over 16 MiB are refused.
//
// Does NOT: trim spaces, convert types, guess delimiters or encodings, or validate UTF-8.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace exhibit {

class CsvRow {
public:
    CsvRow(std::vector<std::string> fields, std::size_t line) : fields_(std::move(fields)), line_(line) {}

    const std::string& operator[](std::size_t i) const { return fields_.at(i); }
    std::size_t size() const { return fields_.size(); }
    std::size_t line() const { return line_; }  // 1-based line where the record starts
    const std::vector<std::string>& fields() const { return fields_; }

private:
    std::vector<std::string> fields_;
    std::size_t line_;
};

class CsvTable {
public:
    CsvTable(std::string displayName, std::vector<std::string> header, std::vector<CsvRow> rows)
        : name_(std::move(displayName)), header_(std::move(header)), rows_(std::move(rows)) {}

    const std::string& displayName() const { return name_; }
    const std::vector<std::string>& header() const { return header_; }
    const std::vector<CsvRow>& rows() const { return rows_; }

    // Index of a header column; throws ContentError `<file>: missing column "<name>"`.
    std::size_t column(std::string_view name) const;
    bool hasColumn(std::string_view name) const;

private:
    std::string name_;
    std::vector<std::string> header_;
    std::vector<CsvRow> rows_;
};

inline constexpr std::size_t kMaxCsvBytes = std::size_t{16} << 20;

CsvTable parseCsv(std::string_view text, const std::string& displayName);
CsvTable loadCsv(const std::filesystem::path& path);

}  // namespace exhibit
