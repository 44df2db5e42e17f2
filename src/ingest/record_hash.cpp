#include "ingest/record_hash.hpp"

#include <array>
#include <bit>
#include <cstring>

namespace faxian::ingest {
namespace {

constexpr uint64_t kC1 = 0x87c37b91114253d5ULL;
constexpr uint64_t kC2 = 0x4cf5ad432745937fULL;

uint64_t rotl64(uint64_t x, int r) {
  return (x << r) | (x >> (64 - r));
}

uint64_t fmix64(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdULL;
  k ^= k >> 33;
  k *= 0xc4ceb9fe1a85ec53ULL;
  k ^= k >> 33;
  return k;
}

// Little-endian load of 8 bytes, whatever the machine's byte order.
uint64_t load64_le(const unsigned char* bytes) {
  uint64_t value = 0;
  std::memcpy(&value, bytes, sizeof value);
  if constexpr (std::endian::native == std::endian::big)
    value = __builtin_bswap64(value);
  return value;
}

// Little-endian load of `count` (< 8) bytes.
uint64_t load_le(const unsigned char* bytes, std::size_t count) {
  uint64_t value = 0;
  for (std::size_t index = count; index > 0; --index)
    value = (value << 8) | bytes[index - 1];
  return value;
}

uint64_t mix_k1(uint64_t k1) {
  k1 *= kC1;
  k1 = rotl64(k1, 31);
  return k1 * kC2;
}

uint64_t mix_k2(uint64_t k2) {
  k2 *= kC2;
  k2 = rotl64(k2, 33);
  return k2 * kC1;
}

void append_hex(std::string& out, uint64_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  for (int shift = 60; shift >= 0; shift -= 4)
    out += kDigits[(value >> shift) & 0xF];
}

void append_padded(std::string& out, int value, int width) {
  std::array<char, 8> digits{};
  for (int index = width - 1; index >= 0; --index) {
    digits[static_cast<std::size_t>(index)] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  out.append(digits.data(), static_cast<std::size_t>(width));
}

}  // namespace

std::string murmur3_128_hex(std::string_view text) {
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t length = text.size();
  const std::size_t blocks = length / 16;
  uint64_t h1 = 0;
  uint64_t h2 = 0;
  for (std::size_t block = 0; block < blocks; ++block) {
    h1 ^= mix_k1(load64_le(data + block * 16));
    h1 = rotl64(h1, 27) + h2;
    h1 = h1 * 5 + 0x52dce729;
    h2 ^= mix_k2(load64_le(data + block * 16 + 8));
    h2 = rotl64(h2, 31) + h1;
    h2 = h2 * 5 + 0x38495ab5;
  }
  const unsigned char* tail = data + blocks * 16;
  const std::size_t rest = length & 15;
  if (rest > 8)
    h2 ^= mix_k2(load_le(tail + 8, rest - 8));
  if (rest >= 8)
    h1 ^= mix_k1(load64_le(tail));
  else if (rest > 0)
    h1 ^= mix_k1(load_le(tail, rest));
  h1 ^= length;
  h2 ^= length;
  h1 += h2;
  h2 += h1;
  h1 = fmix64(h1);
  h2 = fmix64(h2);
  h1 += h2;
  h2 += h1;
  std::string hex;
  hex.reserve(32);
  append_hex(hex, h1);
  append_hex(hex, h2);
  return hex;
}

void RecordHasher::reset(std::string_view feed) {
  buffer_.clear();
  add(feed);
}

namespace {

// Unsigned LEB128: 7 bits a byte, low first, high bit set on all but the last.
void append_varint(std::string& out, uint64_t value) {
  char bytes[10];
  std::size_t count = 0;
  do {
    const auto low = static_cast<unsigned char>(value & 0x7F);
    value >>= 7;
    bytes[count++] = static_cast<char>(value != 0 ? (low | 0x80) : low);
  } while (value != 0);
  out.append(bytes, count);
}

}  // namespace

void RecordHasher::add(std::string_view text) {
  add_tag('s');
  append_varint(buffer_, text.size());
  buffer_.append(text);
}

void RecordHasher::add(int64_t number) {
  add_tag('i');
  const auto bits = static_cast<uint64_t>(number);
  append_varint(buffer_, (bits << 1) ^ (number < 0 ? ~uint64_t{0} : 0));  // zigzag
}

void RecordHasher::add(bool flag) {
  add_tag(flag ? 't' : 'f');
}

void RecordHasher::add(const LocalDateTime& time) {
  add(time.date);
  add(int64_t{time.second_of_day});
}

void KeyBuilder::separate() {
  if (parts_++ > 0)
    key_ += '|';
}

void KeyBuilder::part(std::string_view text) {
  separate();
  for (char c : text) {
    if (c == '|' || c == '\\')
      key_ += '\\';
    key_ += c;
  }
}

void KeyBuilder::part(Date date) {
  separate();
  append_padded(key_, date.year(), 4);
  key_ += '-';
  append_padded(key_, date.month(), 2);
  key_ += '-';
  append_padded(key_, date.day(), 2);
}

void KeyBuilder::part(Month month) {
  separate();
  append_padded(key_, month.year(), 4);
  key_ += '-';
  append_padded(key_, month.month(), 2);
}

void KeyBuilder::part(SchoolYear year) {
  separate();
  append_padded(key_, year.first_year, 4);
  key_ += '-';
  append_padded(key_, year.first_year + 1, 4);
}

}  // namespace faxian::ingest
