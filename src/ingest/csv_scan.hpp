#pragma once
// The CSV reader's inner loop: find the next byte that ends a run of ordinary field bytes,
// 16 bytes at a time with SSE2 where available (every x86-64), bytewise elsewhere.

#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace faxian::ingest {

// The first byte in [begin, end) equal to one of A, B, C, D, or `end` if there is none.
template <char A, char B, char C, char D>
inline const char* find_any_of4(const char* begin, const char* end) {
  const char* pos = begin;
#if defined(__SSE2__)
  const __m128i a = _mm_set1_epi8(A);
  const __m128i b = _mm_set1_epi8(B);
  const __m128i c = _mm_set1_epi8(C);
  const __m128i d = _mm_set1_epi8(D);
  while (end - pos >= 16) {
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(pos));
    const __m128i hits =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(chunk, a), _mm_cmpeq_epi8(chunk, b)),
                     _mm_or_si128(_mm_cmpeq_epi8(chunk, c), _mm_cmpeq_epi8(chunk, d)));
    const int mask = _mm_movemask_epi8(hits);
    if (mask != 0)
      return pos + __builtin_ctz(static_cast<unsigned>(mask));
    pos += 16;
  }
#endif
  while (pos < end && *pos != A && *pos != B && *pos != C && *pos != D)
    ++pos;
  return pos;
}

// Outside quotes a field ends at a comma or a line break; NUL is flagged.
inline const char* find_plain_special(const char* begin, const char* end) {
  return find_any_of4<',', '\n', '\r', '\0'>(begin, end);
}

// Inside quotes only a quote ends the field; line breaks are noted (for recovery), NUL flagged.
inline const char* find_quoted_special(const char* begin, const char* end) {
  return find_any_of4<'"', '\n', '\r', '\0'>(begin, end);
}

}  // namespace faxian::ingest
