//! The entities of the analysis contract (see `docs/contract.md` and
//! `schema/analysis.schema.json`).

use serde::{Serialize, Serializer};

/// What an entity is. Serialized in `snake_case` (`"number"`, `"percent"`, ...).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A person's name.
    Person,
    /// An organization: party committee, ministry, company, international body.
    Organization,
    /// A place: country, city, province, district.
    Location,
    /// A calendar date, full or partial, Gregorian or Hijri, absolute or relative.
    Date,
    /// A span between two dates (`2025-2030`, `من 2020 إلى 2025`).
    Period,
    /// A length of time (`5 سنوات`, `شهرين`).
    Duration,
    /// A clock time (`10:30`, `الساعة التاسعة مساءً`).
    Time,
    /// A cardinal number, in digits or words.
    Number,
    /// An ordinal (`الرابع عشر`).
    Ordinal,
    /// A percentage (`17.5%`, `١٢٫٥٪`, `20 في المائة`).
    Percent,
    /// An amount of money with its currency.
    Money,
    /// A ratio or fraction of counts (`34/37`).
    Ratio,
    /// A document reference (`القرار رقم 31-NQ/TU`).
    Reference,
    /// A Latin-letter acronym (`DCCI`).
    Acronym,
    /// A web address.
    Url,
    /// An e-mail address.
    Email,
    /// A telephone number.
    Phone,
}

impl EntityKind {
    /// Every kind, in the order of the contract.
    pub const ALL: [EntityKind; 17] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Location,
        EntityKind::Date,
        EntityKind::Period,
        EntityKind::Duration,
        EntityKind::Time,
        EntityKind::Number,
        EntityKind::Ordinal,
        EntityKind::Percent,
        EntityKind::Money,
        EntityKind::Ratio,
        EntityKind::Reference,
        EntityKind::Acronym,
        EntityKind::Url,
        EntityKind::Email,
        EntityKind::Phone,
    ];

    /// The kind's name in the contract (`"number"`).
    pub fn name(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Location => "location",
            EntityKind::Date => "date",
            EntityKind::Period => "period",
            EntityKind::Duration => "duration",
            EntityKind::Time => "time",
            EntityKind::Number => "number",
            EntityKind::Ordinal => "ordinal",
            EntityKind::Percent => "percent",
            EntityKind::Money => "money",
            EntityKind::Ratio => "ratio",
            EntityKind::Reference => "reference",
            EntityKind::Acronym => "acronym",
            EntityKind::Url => "url",
            EntityKind::Email => "email",
            EntityKind::Phone => "phone",
        }
    }
}

/// A number in a value. Serialized as a JSON integer when it is whole (and
/// exactly representable), else as the shortest float that round-trips, so
/// that Rust's and JavaScript's JSON agree byte for byte.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default)]
pub struct Num(pub f64);

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let v = self.0;
        if v.fract() == 0.0 && v.abs() < 9_007_199_254_740_992.0 {
            s.serialize_i64(v as i64)
        } else {
            s.serialize_f64(v)
        }
    }
}

impl From<f64> for Num {
    fn from(v: f64) -> Self {
        Num(v)
    }
}

impl From<i64> for Num {
    fn from(v: i64) -> Self {
        Num(v as f64)
    }
}

/// The calendar a date is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Calendar {
    /// The Gregorian calendar (ميلادي).
    Gregorian,
    /// The Islamic (Hijri) calendar (هجري).
    Hijri,
}

/// Units of relative dates and durations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TimeUnit {
    /// Seconds.
    Second,
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Months.
    Month,
    /// Years.
    Year,
}

/// A date relative to the time of writing (`أمس`, `العام الماضي`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Relative {
    /// The unit counted.
    pub unit: TimeUnit,
    /// How many units from the reference date (negative: in the past).
    pub offset: i64,
}

/// The value of a `date` entity: only the fields the text states.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateValue {
    /// The calendar the text uses.
    pub calendar: Calendar,
    /// The year, when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// The month (1–12), when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<u8>,
    /// The day of the month, when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<u8>,
    /// For a full Hijri date, the Gregorian date it falls on (`YYYY-MM-DD`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gregorian: Option<String>,
    /// For a relative date, the offset from the reference date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relative: Option<Relative>,
    /// For a relative date, when the caller passed a reference date: the date it resolves to (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolved: Option<String>,
}

impl DateValue {
    /// A Gregorian date with the given fields.
    pub fn gregorian(year: Option<i32>, month: Option<u8>, day: Option<u8>) -> Self {
        DateValue {
            calendar: Calendar::Gregorian,
            year,
            month,
            day,
            gregorian: None,
            relative: None,
            resolved: None,
        }
    }
}

/// The resolved value of an entity; its shape depends on the kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    /// `number`, `ordinal` and `percent`: `{"value": n}`.
    Scalar {
        /// The number.
        value: Num,
    },
    /// `money`: `{"amount": n, "currency": "USD"}`.
    Money {
        /// The amount, scale words applied.
        amount: Num,
        /// ISO 4217 code.
        currency: String,
    },
    /// `date`.
    Date(DateValue),
    /// `period`: `{"start": date, "end": date}`.
    Period {
        /// First date of the period.
        start: DateValue,
        /// Last date of the period.
        end: DateValue,
    },
    /// `duration`: `{"value": n, "unit": "year"}`.
    Duration {
        /// How many units.
        value: Num,
        /// The unit.
        unit: TimeUnit,
    },
    /// `time`: `{"hour": 0-23, "minute": 0-59}`.
    Time {
        /// Hour of the day, 0–23.
        hour: u8,
        /// Minute, 0–59.
        minute: u8,
    },
    /// `ratio`: `{"numerator": n, "denominator": n}`.
    Ratio {
        /// The part.
        numerator: Num,
        /// The whole.
        denominator: Num,
    },
    /// `reference`: `{"code": "31-NQ/TU"}`.
    Reference {
        /// The document's code or number as written.
        code: String,
    },
    /// `person`: the title and role when the text states them.
    Person {
        /// Title before the name (`الرفيق`, `الرئيس`).
        #[serde(skip_serializing_if = "Option::is_none")]
        title: Option<String>,
        /// Role stated next to the name.
        #[serde(skip_serializing_if = "Option::is_none")]
        role: Option<String>,
    },
    /// `location`: the country it is, or is in, when known from the gazetteer (ISO 3166-1 alpha-2).
    Location {
        /// ISO 3166-1 alpha-2 code.
        #[serde(skip_serializing_if = "Option::is_none")]
        country: Option<String>,
    },
    /// Kinds with no value (`acronym`, `url`, `email`, `phone`, `organization`): `{}`.
    Empty {},
}

/// One entity of the analysis, with its offsets in the original text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    /// What it is.
    pub kind: EntityKind,
    /// The exact original substring.
    pub text: String,
    /// Start, in UTF-16 code units.
    pub start: usize,
    /// End (exclusive), in UTF-16 code units.
    pub end: usize,
    /// Start, in Unicode code points.
    pub char_start: usize,
    /// End (exclusive), in Unicode code points.
    pub char_end: usize,
    /// Start, in UTF-8 bytes.
    pub byte_start: usize,
    /// End (exclusive), in UTF-8 bytes.
    pub byte_end: usize,
    /// The resolved value.
    pub value: Value,
}

impl Entity {
    /// This entity with every offset moved by `by` (its place in a text of
    /// which it was found in a part starting at `by`).
    pub fn shifted(mut self, by: crate::offsets::TextOffset) -> Self {
        self.start += by.utf16;
        self.end += by.utf16;
        self.char_start += by.char;
        self.char_end += by.char;
        self.byte_start += by.byte;
        self.byte_end += by.byte;
        self
    }
}
