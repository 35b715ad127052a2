//! Hijri ↔ Gregorian conversion with the Umm al-Qura calendar of ICU4X
//! (`icu_calendar`): KACST's published month starts where they exist
//! (AH 1300–1600), the tabular Islamic calendar outside them.

use icu_calendar::cal::Hijri;
use icu_calendar::{Date, Iso};

/// The Gregorian date (`YYYY-MM-DD`) of Hijri `year-month-day` in the Umm
/// al-Qura calendar, or `None` when that day does not exist (`30` of a
/// 29-day month, month 13).
pub fn hijri_to_gregorian(year: i32, month: u8, day: u8) -> Option<String> {
    let date =
        Date::try_new_hijri_with_calendar(year, month, day, Hijri::new_umm_al_qura()).ok()?;
    let iso = date.to_calendar(Iso);
    Some(format!(
        "{:04}-{:02}-{:02}",
        iso.year().extended_year(),
        iso.month().ordinal,
        iso.day_of_month().0
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn umm_al_qura_dates() {
        // 1 Ramadan 1445 began on 11 March 2024 in Saudi Arabia.
        assert_eq!(
            hijri_to_gregorian(1445, 9, 1).as_deref(),
            Some("2024-03-11")
        );
        // dateparser's test vectors (tests/test_hijri.py).
        assert_eq!(
            hijri_to_gregorian(1432, 9, 14).as_deref(),
            Some("2011-08-14")
        );
        assert_eq!(
            hijri_to_gregorian(1437, 1, 17).as_deref(),
            Some("2015-10-30")
        );
        assert_eq!(hijri_to_gregorian(1445, 13, 1), None);
        assert_eq!(hijri_to_gregorian(1445, 1, 31), None);
    }
}
