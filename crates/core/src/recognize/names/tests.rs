//! Tests of the names layer on whole sentences.

use crate::{AnalyzeOptions, Analyzer, Value};

fn names(text: &str) -> Vec<(&'static str, String, Value)> {
    Analyzer::new()
        .analyze(text, &AnalyzeOptions::default())
        .unwrap()
        .entities
        .into_iter()
        .filter(|e| matches!(e.kind.name(), "person" | "organization" | "location"))
        .map(|e| (e.kind.name(), e.text, e.value))
        .collect()
}

fn texts(text: &str) -> Vec<(&'static str, String)> {
    names(text).into_iter().map(|(k, t, _)| (k, t)).collect()
}

#[test]
fn title_demonym_name_and_city() {
    let got = names("قال الرئيس الفرنسي إيمانويل ماكرون في باريس إن");
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].1, "إيمانويل ماكرون");
    assert_eq!(
        got[0].2,
        Value::Person {
            title: Some("الرئيس الفرنسي".into()),
            role: None
        }
    );
    assert_eq!(got[1].1, "باريس");
    assert_eq!(
        got[1].2,
        Value::Location {
            country: Some("FR".into())
        }
    );
}

#[test]
fn clitics_stay_outside_the_span() {
    assert_eq!(
        texts("التقى بالرياض وفرنسا"),
        [("location", "الرياض".into()), ("location", "فرنسا".into())]
    );
}

#[test]
fn comrade_with_role_in_original_spelling() {
    let got = names("وحضر المؤتمر الرفيق لي هوو كوي، عضو اللجنة الدائمة للحزب الإقليمي، رئيس لجنة");
    let person = got.iter().find(|g| g.0 == "person").expect("person");
    assert_eq!(person.1, "لي هوو كوي");
    assert_eq!(
        person.2,
        Value::Person {
            title: Some("الرفيق".into()),
            role: Some("عضو اللجنة الدائمة للحزب الإقليمي".into())
        }
    );
}

#[test]
fn organization_chains_stop_where_the_name_ends() {
    assert_eq!(
        texts("توجيهات لجنة الحزب الإقليمية ومجلس الشعب واللجنة الشعبية الإقليمية وبرنامج العمل"),
        [
            ("organization", "لجنة الحزب الإقليمية".into()),
            ("organization", "مجلس الشعب".into()),
            ("organization", "اللجنة الشعبية الإقليمية".into())
        ]
    );
    assert_eq!(
        texts("لجبهة الوطن الفيتنامية والمنظمات"),
        [("organization", "جبهة الوطن الفيتنامية".into())]
    );
}

#[test]
fn places_behind_head_words() {
    assert_eq!(
        texts("دمج مدينة نينه بينه ومنطقة هوا لو. عقدت مقاطعة كوانغ نينه مؤتمرًا"),
        [
            ("location", "مدينة نينه بينه".into()),
            ("location", "منطقة هوا لو".into()),
            ("location", "مقاطعة كوانغ نينه".into())
        ]
    );
}

#[test]
fn list_after_comrades_and_byline() {
    let got = texts("ترأس المؤتمر الرفاق: تونغ ثانه هاي - عضو اللجنة الدائمة للحزب الإقليمي؛ لو فان هونغ - نائب أمين اللجنة الحزبية الإقليمية.\nالمقال والصور: دوك نجيا\nمصدر");
    let people: Vec<&str> = got
        .iter()
        .filter(|g| g.0 == "person")
        .map(|g| g.1.as_str())
        .collect();
    assert_eq!(people, ["تونغ ثانه هاي", "لو فان هونغ", "دوك نجيا"]);
}

#[test]
fn plain_text_has_no_names() {
    assert!(names("ارتفعت الأسعار بنسبة كبيرة في الأشهر الأخيرة من العام").is_empty());
}

#[test]
fn arabic_names_after_titles() {
    assert_eq!(
        texts("الموالية للرئيس اليمني السابق علي عبدالله صالح في عدن"),
        [("person", "علي عبدالله صالح".into())]
    );
    assert_eq!(
        texts("زار الأمير محمد بن سلمان مستشفى الملك عبدالعزيز بمكة"),
        [
            ("person", "محمد بن سلمان".into()),
            ("organization", "مستشفى الملك عبدالعزيز".into()),
            ("location", "مكة".into())
        ]
    );
}

#[test]
fn one_word_after_a_weak_title_is_refused() {
    // `الملك` is also "the king": `الملك يعلم` is no name.
    assert!(texts("وكان الملك يعلم أن الأمر صعب").is_empty());
    // A strong title takes one word: `السيد فيصل`.
    assert_eq!(texts("قال السيد فيصل إن"), [("person", "فيصل".into())]);
}
