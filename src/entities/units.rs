//! Word tables for the numeric rules: number words, currencies, units, percent.
//!
//! Kept apart from the scanner so the vocabulary can grow without touching logic.
//! All patterns are lower case and matched ASCII-case-insensitively.

/// The role of a number word in a spelled-out number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum WordRole {
    /// Adds to the running group: "five", "twenty".
    Add(f64),
    /// Multiplies the running group: "hundred".
    Hundred,
    /// Closes a group: "thousand", "million".
    Scale(f64),
    /// Ends the number as an ordinal: "third", "twentieth".
    Ordinal(f64),
}

/// Number words, cardinal and ordinal.
#[rustfmt::skip]
pub(crate) const NUMBER_WORDS: &[(&str, WordRole)] = {
    use WordRole::*;
    &[
        ("zero", Add(0.0)), ("one", Add(1.0)), ("two", Add(2.0)), ("three", Add(3.0)),
        ("four", Add(4.0)), ("five", Add(5.0)), ("six", Add(6.0)), ("seven", Add(7.0)),
        ("eight", Add(8.0)), ("nine", Add(9.0)), ("ten", Add(10.0)), ("eleven", Add(11.0)),
        ("twelve", Add(12.0)), ("thirteen", Add(13.0)), ("fourteen", Add(14.0)),
        ("fifteen", Add(15.0)), ("sixteen", Add(16.0)), ("seventeen", Add(17.0)),
        ("eighteen", Add(18.0)), ("nineteen", Add(19.0)), ("twenty", Add(20.0)),
        ("thirty", Add(30.0)), ("forty", Add(40.0)), ("fifty", Add(50.0)),
        ("sixty", Add(60.0)), ("seventy", Add(70.0)), ("eighty", Add(80.0)),
        ("ninety", Add(90.0)), ("dozen", Add(12.0)), ("hundred", Hundred),
        ("thousand", Scale(1e3)), ("million", Scale(1e6)), ("billion", Scale(1e9)),
        ("trillion", Scale(1e12)), ("bn", Scale(1e9)), ("mln", Scale(1e6)),
        ("first", Ordinal(1.0)), ("second", Ordinal(2.0)), ("third", Ordinal(3.0)),
        ("fourth", Ordinal(4.0)), ("fifth", Ordinal(5.0)), ("sixth", Ordinal(6.0)),
        ("seventh", Ordinal(7.0)), ("eighth", Ordinal(8.0)), ("ninth", Ordinal(9.0)),
        ("tenth", Ordinal(10.0)), ("eleventh", Ordinal(11.0)), ("twelfth", Ordinal(12.0)),
        ("thirteenth", Ordinal(13.0)), ("fourteenth", Ordinal(14.0)),
        ("fifteenth", Ordinal(15.0)), ("sixteenth", Ordinal(16.0)),
        ("seventeenth", Ordinal(17.0)), ("eighteenth", Ordinal(18.0)),
        ("nineteenth", Ordinal(19.0)), ("twentieth", Ordinal(20.0)),
        ("thirtieth", Ordinal(30.0)), ("fortieth", Ordinal(40.0)), ("fiftieth", Ordinal(50.0)),
        ("sixtieth", Ordinal(60.0)), ("seventieth", Ordinal(70.0)),
        ("eightieth", Ordinal(80.0)), ("ninetieth", Ordinal(90.0)),
        ("hundredth", Ordinal(100.0)), ("thousandth", Ordinal(1000.0)),
    ]
};

/// Currency markers written before the amount, longest first, with ISO 4217 codes.
#[rustfmt::skip]
pub(crate) const CURRENCY_BEFORE: &[(&str, &str)] = &[
    ("us$", "USD"), ("usd", "USD"), ("eur", "EUR"), ("gbp", "GBP"), ("rub", "RUB"),
    ("azn", "AZN"), ("$", "USD"), ("\u{20ac}", "EUR"), ("\u{a3}", "GBP"), ("\u{a5}", "JPY"),
    ("\u{20bd}", "RUB"), ("\u{20bc}", "AZN"), ("\u{20ba}", "TRY"), ("\u{20b4}", "UAH"),
];

/// Currency words written after the amount, longest first.
#[rustfmt::skip]
pub(crate) const CURRENCY_AFTER: &[(&str, &str)] = &[
    ("us dollars", "USD"), ("u.s. dollars", "USD"), ("dollars", "USD"), ("dollar", "USD"),
    ("euros", "EUR"), ("euro", "EUR"), ("manats", "AZN"), ("manat", "AZN"),
    ("roubles", "RUB"), ("rubles", "RUB"), ("rouble", "RUB"), ("ruble", "RUB"),
    ("pounds sterling", "GBP"), ("pounds", "GBP"), ("yen", "JPY"), ("yuan", "CNY"),
    ("liras", "TRY"), ("lira", "TRY"), ("tenge", "KZT"), ("lari", "GEL"),
    ("hryvnias", "UAH"), ("hryvnia", "UAH"), ("drams", "AMD"), ("dram", "AMD"),
    ("usd", "USD"), ("eur", "EUR"), ("azn", "AZN"), ("rub", "RUB"), ("gbp", "GBP"),
];

/// Percent markers after the amount.
pub(crate) const PERCENT_AFTER: &[(&str, &str)] = &[
    ("per cent", "%"),
    ("percent", "%"),
    ("pct", "%"),
    ("%", "%"),
];

/// Measurement units after the amount, longest first, with their short form.
#[rustfmt::skip]
pub(crate) const UNITS: &[(&str, &str)] = &[
    ("square kilometres", "km2"), ("square kilometers", "km2"), ("square kilometre", "km2"),
    ("square kilometer", "km2"), ("square miles", "mi2"), ("square mile", "mi2"),
    ("square metres", "m2"), ("square meters", "m2"), ("cubic metres", "m3"),
    ("cubic meters", "m3"), ("kilometres per hour", "km/h"), ("kilometers per hour", "km/h"),
    ("barrels per day", "bbl/d"), ("kilometres", "km"), ("kilometers", "km"),
    ("kilometre", "km"), ("kilometer", "km"), ("sq km", "km2"), ("km/h", "km/h"),
    ("km2", "km2"), ("km\u{b2}", "km2"), ("km", "km"), ("miles", "mi"), ("mile", "mi"),
    ("metres", "m"), ("meters", "m"), ("metre", "m"), ("meter", "m"),
    ("centimetres", "cm"), ("centimeters", "cm"), ("cm", "cm"),
    ("millimetres", "mm"), ("millimeters", "mm"), ("mm", "mm"),
    ("kilograms", "kg"), ("kilogram", "kg"), ("kg", "kg"), ("grams", "g"),
    ("tonnes", "t"), ("tonne", "t"), ("tons", "t"), ("ton", "t"),
    ("hectares", "ha"), ("hectare", "ha"), ("ha", "ha"), ("barrels", "bbl"),
    ("barrel", "bbl"), ("litres", "l"), ("liters", "l"), ("litre", "l"), ("liter", "l"),
    ("megawatts", "MW"), ("mw", "MW"), ("gigawatts", "GW"), ("gw", "GW"),
    ("kilowatt-hours", "kWh"), ("kwh", "kWh"), ("degrees celsius", "degC"),
    ("degrees", "deg"), ("mph", "mph"), ("knots", "kn"), ("feet", "ft"), ("foot", "ft"),
];

/// Length of the longest table entry that `rest` starts with (any ASCII case),
/// followed by a non-alphanumeric character or the end; returns the entry's value.
pub(crate) fn prefix_in<'t>(rest: &str, table: &[(&'t str, &'t str)]) -> Option<(usize, &'t str)> {
    table.iter().find_map(|(pat, val)| {
        let head = rest.get(..pat.len())?;
        let boundary = !rest[pat.len()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
        (head.eq_ignore_ascii_case(pat) && boundary).then_some((pat.len(), *val))
    })
}

/// Length of the longest table entry that `before` ends with (any ASCII case),
/// preceded by a non-alphanumeric character or the start; returns its value.
pub(crate) fn suffix_in<'t>(
    before: &str,
    table: &[(&'t str, &'t str)],
) -> Option<(usize, &'t str)> {
    table.iter().find_map(|(pat, val)| {
        let at = before.len().checked_sub(pat.len())?;
        let tail = before.get(at..)?;
        let boundary = !before[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
            || !pat.starts_with(|c: char| c.is_ascii_alphabetic());
        (tail.eq_ignore_ascii_case(pat) && boundary).then_some((pat.len(), *val))
    })
}
