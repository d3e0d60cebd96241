// Edit distance with neighbour swaps, and the typo threshold built on it.
#include "content/Suggest.h"

#include <algorithm>

namespace kiosk::content {

std::size_t editDistance(std::string_view a, std::string_view b) {
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    // Three rows suffice: the swap rule looks two rows back.
    std::vector<std::size_t> twoBack(m + 1), previous(m + 1), current(m + 1);
    for (std::size_t j = 0; j <= m; ++j)
        previous[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                current[j] = std::min(current[j], twoBack[j - 2] + 1);
        }
        twoBack.swap(previous);
        previous.swap(current);
    }
    return previous[m];
}

std::optional<std::string> closestMatch(std::string_view word,
                                        const std::vector<std::string_view>& candidates) {
    const std::size_t allowed = word.size() <= 4 ? 1 : 2;
    std::optional<std::string> best;
    std::size_t bestDistance = allowed + 1;
    for (const auto candidate : candidates) {
        // Lengths far apart cannot be within reach; skipping them also keeps huge keys cheap.
        const std::size_t gap =
            word.size() > candidate.size() ? word.size() - candidate.size() : candidate.size() - word.size();
        if (gap > allowed) continue;
        const std::size_t d = editDistance(word, candidate);
        if (d < bestDistance) {
            bestDistance = d;
            best = std::string(candidate);
        }
    }
    return best;
}

}  // namespace kiosk::content
