#pragma once
// For tests and fuzzers only (header-only, not part of the library): writes ZIP archives by
// hand, byte by byte, so that tests can make any shape — stored or deflated entries, declared
// sizes that lie, corrupt CRCs — and a deflate stream that inflates to gigabytes from a few
// MB (fixed-Huffman matches of 258 bytes), built in well under a second.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace faxian::ingest::testing {

inline uint32_t crc32(std::string_view data, uint32_t crc = 0) {
  static const std::array<uint32_t, 256> kTable = [] {
    std::array<uint32_t, 256> table{};
    for (uint32_t index = 0; index < 256; ++index) {
      uint32_t value = index;
      for (int bit = 0; bit < 8; ++bit)
        value = (value & 1) != 0 ? 0xEDB88320u ^ (value >> 1) : value >> 1;
      table[index] = value;
    }
    return table;
  }();
  crc = ~crc;
  for (const char c : data)
    crc = kTable[(crc ^ static_cast<unsigned char>(c)) & 0xFF] ^ (crc >> 8);
  return ~crc;
}

struct ZipTestEntry {
  std::string name;
  std::string data;             // the bytes as stored in the archive (raw deflate if deflated)
  bool deflated = false;        // method 8 (data is a raw deflate stream) or 0 (stored)
  uint64_t size = 0;            // uncompressed size to declare (stored: data.size() if 0)
  std::optional<uint32_t> crc;  // CRC-32 to declare (stored: computed if absent)
};

inline ZipTestEntry stored_entry(std::string name, std::string content) {
  ZipTestEntry entry;
  entry.name = std::move(name);
  entry.data = std::move(content);
  return entry;
}

namespace detail {

inline void put16(std::string& out, uint32_t value) {
  out += static_cast<char>(value & 0xFF);
  out += static_cast<char>((value >> 8) & 0xFF);
}

inline void put32(std::string& out, uint32_t value) {
  put16(out, value & 0xFFFF);
  put16(out, value >> 16);
}

// The fields local and central headers share, from "version needed" to "extra length".
inline void put_common(std::string& out, const ZipTestEntry& entry) {
  const uint64_t size = entry.deflated || entry.size != 0 ? entry.size : entry.data.size();
  const uint32_t crc = entry.crc ? *entry.crc : crc32(entry.data);
  put16(out, 20);      // version needed
  put16(out, 0x0800);  // UTF-8 names
  put16(out, entry.deflated ? 8 : 0);
  put16(out, 0);     // time
  put16(out, 0x21);  // date 1980-01-01
  put32(out, crc);
  put32(out, static_cast<uint32_t>(entry.data.size()));
  put32(out, static_cast<uint32_t>(size));
  put16(out, static_cast<uint32_t>(entry.name.size()));
  put16(out, 0);  // extra length
}

// Writes bits least-significant first, as deflate does.
class BitWriter {
 public:
  void put(uint32_t value, int count) {
    accumulator_ |= static_cast<uint64_t>(value) << filled_;
    filled_ += count;
    while (filled_ >= 8) {
      out_ += static_cast<char>(accumulator_ & 0xFF);
      accumulator_ >>= 8;
      filled_ -= 8;
    }
  }
  // Huffman codes are sent most-significant bit first.
  void put_code(uint32_t code, int length) {
    uint32_t reversed = 0;
    for (int bit = 0; bit < length; ++bit)
      reversed |= ((code >> bit) & 1) << (length - 1 - bit);
    put(reversed, length);
  }

  void literal(unsigned char byte) {
    if (byte < 144)
      put_code(0x30 + byte, 8);
    else
      put_code(0x190 + (byte - 144), 9);
  }
  std::string finish() {
    if (filled_ > 0)
      out_ += static_cast<char>(accumulator_ & 0xFF);
    return std::move(out_);
  }
  void reserve(size_t bytes) { out_.reserve(bytes); }

 private:
  std::string out_;
  uint64_t accumulator_ = 0;
  int filled_ = 0;
};

inline uint32_t reverse_bits(uint32_t code, int length) {
  uint32_t reversed = 0;
  for (int bit = 0; bit < length; ++bit)
    reversed |= ((code >> bit) & 1) << (length - 1 - bit);
  return reversed;
}

// The bits of a back-reference of 258 bytes at `distance` (1..32768) in fixed-Huffman codes,
// as (value, bit count) ready for BitWriter::put.
inline std::pair<uint32_t, int> match_258_bits(uint32_t distance) {
  static constexpr uint32_t kBase[30] = {
      1,   2,   3,   4,   5,   7,    9,    13,   17,   25,   33,   49,   65,    97,    129,
      193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
  int code = 29;
  while (kBase[code] > distance)
    --code;
  const int extra_bits = code < 4 ? 0 : code / 2 - 1;
  uint32_t value = reverse_bits(0xC0 + 5, 8);  // length code 285 = 258
  value |= reverse_bits(static_cast<uint32_t>(code), 5) << 8;
  value |= (distance - kBase[code]) << 13;
  return {value, 13 + extra_bits};
}

}  // namespace detail

// A raw deflate stream (one fixed-Huffman block) that inflates to
// prefix + unit × repeats + suffix. REQUIRES: 1 ≤ unit.size() ≤ 32768, repeats ≥ 1.
inline std::string deflate_repeated(std::string_view prefix, std::string_view unit,
                                    uint64_t repeats, std::string_view suffix) {
  detail::BitWriter writer;
  const uint64_t periodic = unit.size() * repeats;
  writer.reserve(static_cast<size_t>(periodic / 258 * 2 + prefix.size() + unit.size() * 2 +
                                     suffix.size() * 2 + 16));
  writer.put(1, 1);  // final block
  writer.put(1, 2);  // fixed Huffman codes
  for (const char c : prefix)
    writer.literal(static_cast<unsigned char>(c));
  for (const char c : unit)
    writer.literal(static_cast<unsigned char>(c));
  const uint64_t rest = periodic - unit.size();
  const auto [match_bits, match_length] =
      detail::match_258_bits(static_cast<uint32_t>(unit.size()));
  for (uint64_t match = 0; match < rest / 258; ++match)
    writer.put(match_bits, match_length);
  for (uint64_t index = unit.size() + rest / 258 * 258; index < periodic; ++index)
    writer.literal(static_cast<unsigned char>(unit[index % unit.size()]));
  for (const char c : suffix)
    writer.literal(static_cast<unsigned char>(c));
  writer.put_code(0, 7);  // end of block
  return writer.finish();
}

// An archive of `entries`, in order, with a central directory.
inline std::string make_zip(const std::vector<ZipTestEntry>& entries) {
  std::string out;
  std::string directory;
  for (const ZipTestEntry& entry : entries) {
    const auto offset = static_cast<uint32_t>(out.size());
    detail::put32(out, 0x04034b50);
    detail::put_common(out, entry);
    out += entry.name;
    out += entry.data;
    detail::put32(directory, 0x02014b50);
    detail::put16(directory, 20);  // version made by
    detail::put_common(directory, entry);
    detail::put16(directory, 0);  // comment length
    detail::put16(directory, 0);  // disk
    detail::put16(directory, 0);  // internal attributes
    detail::put32(directory, 0);  // external attributes
    detail::put32(directory, offset);
    directory += entry.name;
  }
  const auto directory_offset = static_cast<uint32_t>(out.size());
  out += directory;
  detail::put32(out, 0x06054b50);
  detail::put16(out, 0);
  detail::put16(out, 0);
  detail::put16(out, static_cast<uint32_t>(entries.size()));
  detail::put16(out, static_cast<uint32_t>(entries.size()));
  detail::put32(out, static_cast<uint32_t>(directory.size()));
  detail::put32(out, directory_offset);
  detail::put16(out, 0);
  return out;
}

}  // namespace faxian::ingest::testing
