//! # tahlil-core
//!
//! Arabic text analysis in pure Rust: a [normalizer](normalize) that keeps
//! exact alignment to the original text, [recognizers](recognize) for the
//! facts in news text, and the [analysis](analysis) that assembles them into
//! the JSON contract described in `docs/contract.md`.
//!
//! ```
//! use tahlil_core::{Analyzer, AnalyzeOptions};
//! let analyzer = Analyzer::new();
//! let analysis = analyzer.analyze("ارتفع بنسبة ١٢٫٥٪", &AnalyzeOptions::default()).unwrap();
//! assert_eq!(analysis.entities[0].text, "١٢٫٥٪");
//! ```

#[macro_use]
mod data_table;

pub mod analysis;
pub mod entity;
pub mod input;
pub mod json;
pub mod normalize;
pub mod offsets;
pub mod parallel;
pub mod recognize;
pub mod sort;
pub mod span;
pub mod stats;
pub mod tokenize;
pub mod word_hash;

pub use analysis::{Analysis, AnalyzeError, AnalyzeOptions, Analyzer, CONTRACT_VERSION};
pub use entity::{Entity, EntityKind, Value};
pub use normalize::{NormalizeOptions, NormalizedText, Normalizer, Preset};
pub use span::Span;
