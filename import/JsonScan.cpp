#include "JsonScan.h"

#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace sightline {

bool scanJsonValueBytewise(const char *d, size_t &i, size_t n, JsonScanState &st)
{
    while (i < n) {
        const char c = d[i];
        if (st.inString) {
            if (c == '\\') {
                i += 2;
                continue;
            }
            ++i;
            if (c == '"') {
                st.inString = false;
                if (st.depth == 0)
                    return true;
            }
            continue;
        }
        ++i;
        switch (c) {
        case '"':
            st.inString = true;
            break;
        case '{':
        case '[':
            ++st.depth;
            break;
        case '}':
        case ']':
            if (--st.depth <= 0)
                return true;
            break;
        default:
            break;
        }
    }
    return false;
}

#if defined(__SSE2__)
namespace {

// Bit k set where byte k of the 64 at d is a quote, a backslash, a bracket.
struct Block
{
    uint64_t quotes = 0, backslashes = 0, brackets = 0;
};

inline Block classify(const char *d)
{
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    // '[' and ']' are '{' and '}' with bit 0x20 clear; nothing else becomes either with it set.
    const __m128i lower = _mm_set1_epi8(0x20);
    const __m128i open = _mm_set1_epi8('{');
    const __m128i close = _mm_set1_epi8('}');
    Block b;
    for (int k = 0; k < 4; ++k) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(d + 16 * k));
        const __m128i folded = _mm_or_si128(v, lower);
        const auto bits = [k](__m128i eq) {
            return uint64_t(uint32_t(_mm_movemask_epi8(eq))) << (16 * k);
        };
        b.quotes |= bits(_mm_cmpeq_epi8(v, quote));
        b.backslashes |= bits(_mm_cmpeq_epi8(v, backslash));
        b.brackets |=
            bits(_mm_or_si128(_mm_cmpeq_epi8(folded, open), _mm_cmpeq_epi8(folded, close)));
    }
    return b;
}

// Bit k set where an odd number of bits at or below k are set in x: the bytes from an opening
// quote up to (not including) its closing one.
inline uint64_t prefixXor(uint64_t x)
{
    x ^= x << 1;
    x ^= x << 2;
    x ^= x << 4;
    x ^= x << 8;
    x ^= x << 16;
    x ^= x << 32;
    return x;
}

} // namespace
#endif

bool scanJsonValue(const char *d, size_t &i, size_t n, JsonScanState &st, bool padded)
{
#if defined(__SSE2__)
    // 64 bytes at a time: the quotes that are not escaped give the bytes inside strings (a
    // prefix XOR); only the brackets outside strings are then looked at one by one.
    while (i < n && (padded || n - i >= 64)) {
        const Block block = classify(d + i);
        const size_t width = n - i >= 64 ? 64 : n - i;
        const uint64_t valid = width == 64 ? ~uint64_t(0) : (uint64_t(1) << width) - 1;
        uint64_t quotes = block.quotes & valid;
        const uint64_t backslashes = block.backslashes & valid;
        size_t next = i + width;
        if (backslashes) {
            // Each backslash that is not itself escaped escapes the byte after it. Rare in
            // evidence (escaped quotes in policy documents): a loop over them is enough.
            uint64_t escaped = 0;
            for (uint64_t b = backslashes; b; b &= b - 1) {
                const unsigned k = static_cast<unsigned>(__builtin_ctzll(b));
                if (escaped & (uint64_t(1) << k))
                    continue;
                if (k + 1 >= width)
                    next = i + width + 1; // escapes the first byte of what follows
                else
                    escaped |= uint64_t(1) << (k + 1);
            }
            quotes &= ~escaped;
        }
        uint64_t inString = prefixXor(quotes);
        if (st.inString)
            inString = ~inString;
        if (backslashes & ~inString) {
            // A backslash outside strings (not JSON, or a scan begun inside a string): it
            // escapes nothing there, which the masks cannot tell. This block goes byte by byte.
            if (scanJsonValueBytewise(d, i, i + width, st))
                return true;
            continue;
        }
        // Bytes outside strings, closing quotes included (an opening quote counts as inside).
        const uint64_t outside = ~inString & valid;
        const uint64_t closingQuotes = quotes & outside;
        uint64_t brackets = block.brackets & outside;
        if (st.depth == 0 && closingQuotes) {
            // A string value: it ends at its closing quote unless a bracket comes first.
            const unsigned q = static_cast<unsigned>(__builtin_ctzll(closingQuotes));
            if (brackets == 0 || static_cast<unsigned>(__builtin_ctzll(brackets)) > q) {
                i += q + 1;
                st.inString = false;
                return true;
            }
        }
        for (; brackets; brackets &= brackets - 1) {
            const unsigned k = static_cast<unsigned>(__builtin_ctzll(brackets));
            const char c = d[i + k];
            if (c == '{' || c == '[') {
                ++st.depth;
            } else if (--st.depth <= 0) {
                i += k + 1;
                st.inString = false;
                return true;
            }
        }
        st.inString = (inString >> (width - 1)) & 1;
        i = next;
    }
#else
    (void)padded;
#endif
    return scanJsonValueBytewise(d, i, n, st);
}

} // namespace sightline
