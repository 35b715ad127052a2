// The test-vector files, embedded so that native and wasm runs read the same
// data. Add every new `tests/vectors/*.toml` here (a native test checks that
// none is missing).
pub const FILES: &[(&str, &str)] = &[
    ("extract-basic.toml", include_str!("extract-basic.toml")),
    ("extract-dates.toml", include_str!("extract-dates.toml")),
    ("extract-durations.toml", include_str!("extract-durations.toml")),
    ("extract-periods.toml", include_str!("extract-periods.toml")),
    ("extract-times.toml", include_str!("extract-times.toml")),
    ("normalize.toml", include_str!("normalize.toml")),
];
