#include "gen/gen_context.hpp"

#include <algorithm>

#include "gen/prng.hpp"

namespace faxian::gen {
namespace {

// Season (months) in which each kind of county-wide disaster happens in 秀山.
struct Season {
  DisasterType type;
  int first_month;
  int last_month;
  uint32_t weight;
};
constexpr Season kSeasons[] = {
    {DisasterType::kFlood, 5, 9, 45},
    {DisasterType::kGeological, 5, 9, 20},
    {DisasterType::kHail, 3, 6, 20},
    {DisasterType::kDrought, 7, 9, 15},
};

DisasterEvent draw_event(Rng& rng, const CountyMap& county, Date earliest, Date latest) {
  DisasterEvent event;
  uint32_t weights[std::size(kSeasons)];
  for (size_t i = 0; i < std::size(kSeasons); ++i)
    weights[i] = kSeasons[i].weight;
  const Season& season = kSeasons[rng.weighted(weights)];
  event.type = season.type;
  // A date in the season if one falls in [earliest, latest], else any date there.
  Date date = earliest.add_days(
      static_cast<int32_t>(rng.below(static_cast<uint64_t>(latest - earliest + 1))));
  for (int attempt = 0; attempt < 24; ++attempt) {
    const Date candidate = earliest.add_days(
        static_cast<int32_t>(rng.below(static_cast<uint64_t>(latest - earliest + 1))));
    if (candidate.month() >= season.first_month && candidate.month() <= season.last_month) {
      date = candidate;
      break;
    }
  }
  event.date = date;
  // A few neighbouring villages of one township.
  const auto& villages = county.villages();
  const size_t first = rng.below(villages.size());
  const int32_t township = villages[first].township;
  const int64_t wanted = rng.between(2, 6);
  for (size_t v = first;
       v < villages.size() && static_cast<int64_t>(event.villages.size()) < wanted; ++v) {
    if (villages[v].township == township)
      event.villages.push_back(static_cast<int32_t>(v));
  }
  event.report_permille = static_cast<uint32_t>(rng.between(120, 350));
  return event;
}

}  // namespace

Date years_before(Date date, int years) {
  const int year = date.year() - years;
  auto exact = Date::from_ymd(year, date.month(), date.day());
  if (exact)
    return *exact;
  return *Date::from_ymd(year, date.month(), date.day() - 1);  // 29 February
}

Result<GenContext> make_context(uint64_t seed, Date as_of, const Standards& standards,
                                const CountyMap& county) {
  GenContext context;
  context.seed = seed;
  context.as_of = as_of;
  context.standards = &standards;
  context.county = &county;
  auto urban = standards.dibao_on(as_of, AreaType::kUrban);
  if (!urban)
    return tl::unexpected(urban.error());
  auto rural = standards.dibao_on(as_of, AreaType::kRural);
  if (!rural)
    return tl::unexpected(rural.error());
  context.dibao_urban = *urban;
  context.dibao_rural = *rural;
  auto disposable = standards.disposable_for_year(as_of.year() - 1);
  if (!disposable)
    return tl::unexpected(disposable.error());
  context.disposable_urban = disposable->urban;
  context.disposable_rural = disposable->rural;

  // About four village-level disasters a year over the three years before as_of, the last
  // one recent (秋汛 or a late storm) so that concentrated screening has something to do.
  Rng rng = Rng::for_stream(seed, Stream::kCounty, 2);
  const Date earliest = years_before(as_of, 3).add_days(1);
  const int64_t count = rng.between(10, 13);
  for (int64_t i = 0; i < count; ++i) {
    context.disasters.push_back(draw_event(rng, county, earliest, as_of.add_days(-90)));
  }
  DisasterEvent recent = draw_event(rng, county, as_of.add_days(-80), as_of.add_days(-15));
  recent.type = DisasterType::kFlood;
  context.disasters.push_back(std::move(recent));
  std::stable_sort(context.disasters.begin(), context.disasters.end(),
                   [](const DisasterEvent& a, const DisasterEvent& b) { return a.date < b.date; });
  return context;
}

}  // namespace faxian::gen
