// The test-vector files, embedded so that native and wasm runs read the same
// data. Add every new `tests/vectors/*.toml` here (a native test checks that
// none is missing).
pub const FILES: &[(&str, &str)] = &[
    ("extract-basic.toml", include_str!("extract-basic.toml")),
    ("extract-names.toml", include_str!("extract-names.toml")),
    ("extract-codes.toml", include_str!("extract-codes.toml")),
    ("extract-money.toml", include_str!("extract-money.toml")),
    ("extract-numbers.toml", include_str!("extract-numbers.toml")),
    ("extract-ordinals.toml", include_str!("extract-ordinals.toml")),
    ("extract-percent.toml", include_str!("extract-percent.toml")),
    ("extract-dates.toml", include_str!("extract-dates.toml")),
    ("extract-durations.toml", include_str!("extract-durations.toml")),
    ("extract-periods.toml", include_str!("extract-periods.toml")),
    ("extract-times.toml", include_str!("extract-times.toml")),
    ("extraction-general.toml", include_str!("extraction-general.toml")),
    ("normalize.toml", include_str!("normalize.toml")),
];
