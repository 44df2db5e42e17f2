#pragma once
// Chinese names. Surnames: about 100 common surnames in rough national frequency order,
// weighted Zipf-like (weight 1/(rank + 5)); Tujia and Miao households also draw from the surnames
// typical of 秀山's Tujia (田 彭 向 冉 杨 白…) and Miao (龙 石 吴 麻 滕…). Given names: one or
// two characters from pools that follow the fashions of the birth decade.

#include <string>
#include <string_view>

#include "common/resident_id.hpp"
#include "gen/model.hpp"
#include "gen/prng.hpp"

namespace faxian::gen {

// A surname for a new household of the given ethnicity.
std::string_view draw_surname(Rng& rng, Ethnicity ethnicity);
// A given name (1–2 characters) for a person of `sex` born in `birth_year`.
std::string draw_given_name(Rng& rng, Sex sex, int birth_year);
// Surname + given name.
std::string draw_full_name(Rng& rng, std::string_view surname, Sex sex, int birth_year);

}  // namespace faxian::gen
