//! Words inside a name that say what kind of thing it names.

/// Words that make a name an organisation.
#[rustfmt::skip]
pub const ORGANISATION_WORDS: &[&str] = &[
    "inc", "corp", "corporation", "company", "co", "ltd", "llc", "plc", "group", "bank", "house",
    "administration", "department", "ministry", "university", "college", "school", "committee", "council",
    "party", "agency", "authority", "association", "board", "court", "foundation", "institute", "times", "post",
    "news", "press", "union", "federation", "league", "club", "fund", "capital", "partners", "ventures", "labs",
    "systems", "technologies", "airlines", "motors", "holdings", "office", "commission", "service", "services",
    "police", "congress", "senate", "parliament", "government", "alliance", "aid",
];

/// Words that make a name a place.
#[rustfmt::skip]
pub const PLACE_WORDS: &[&str] = &[
    "city", "county", "street", "avenue", "road", "river", "island", "islands", "valley",
    "lake", "mountain", "mountains", "bay", "harbor", "harbour", "park", "square", "province", "kingdom",
    "republic", "centre", "center", "stadium", "arena", "airport", "station", "hospital", "museum", "theatre",
    "theater", "gallery", "cathedral", "palace", "hotel", "prison",
];
