//! The words that tell who is who in news English: honorifics and the gender they give, role
//! and office words, words that make a capitalised run a body (`Council`, `Ministry`), body and
//! document nouns (`the company`, `the report`), nationalities, determiners and possessives.
//!
//! Kept apart from [`super::names`] so the entity rules read as rules and the lists can be
//! reviewed (and grown) on their own. Every list is a closed class of English, not words taken
//! from one article.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// Honorifics that are dropped from names but tell the gender.
pub(super) fn honorific(word: &str) -> Option<Gender> {
    match word.trim_end_matches('.') {
        "Mr" | "Messrs" => Some(Gender::Male),
        "Mrs" | "Ms" | "Miss" => Some(Gender::Female),
        "Dr" | "Prof" => Some(Gender::Unknown),
        _ => None,
    }
}

/// Titles that are part of the name as the article writes it.
pub(super) fn kept_title(word: &str) -> Option<Gender> {
    match word {
        "Sir" | "Lord" => Some(Gender::Male),
        "Dame" | "Lady" | "Baroness" => Some(Gender::Female),
        _ => None,
    }
}

/// Capitalised words that start sentences or clauses rather than names.
pub(super) fn is_capitalised_function_word(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "Yet"
            | "However"
            | "In"
            | "On"
            | "At"
            | "With"
            | "Without"
            | "For"
            | "From"
            | "By"
            | "Of"
            | "To"
            | "As"
            | "After"
            | "Before"
            | "During"
            | "Since"
            | "Until"
            | "Upon"
            | "Under"
            | "Over"
            | "Into"
            | "Despite"
            | "Although"
            | "Though"
            | "While"
            | "When"
            | "Where"
            | "Which"
            | "Who"
            | "What"
            | "Why"
            | "How"
            | "If"
            | "Unless"
            | "Because"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "It"
            | "Its"
            | "He"
            | "She"
            | "They"
            | "We"
            | "I"
            | "You"
            | "His"
            | "Her"
            | "Their"
            | "Our"
            | "My"
            | "Your"
            // Auxiliaries that open a question (`Is Ellison related to Musk?`): no name
            // begins with one (`Will` and `May` do, and are left out).
            | "Is"
            | "Was"
            | "Are"
            | "Were"
            | "Does"
            | "Did"
            | "Has"
            | "Have"
            | "Had"
            | "Could"
            | "Would"
            | "Should"
            | "Meanwhile"
            | "Also"
            | "Later"
            | "Earlier"
            | "Now"
            | "Then"
            | "Today"
            | "Yesterday"
            | "Asked"
            | "Speaking"
            | "According"
            | "Interrupting"
            // Sentence adverbs and conjunctions that open no name.
            | "Again"
            | "Whether"
            | "Beside"
            | "Besides"
            | "Perhaps"
            | "Instead"
            | "Thus"
            | "Hence"
            | "Behind"
            | "Beneath"
            | "Among"
            | "Amid"
            | "Across"
            | "Along"
            | "Around"
            | "Through"
            | "Towards"
            | "Toward"
            | "Against"
            | "Within"
            | "Between"
            | "Beyond"
            // Participles that open a clause before its subject (`Meeting Ann Roe, he …`,
            // `Having lost, Roe said`).
            | "Having"
            | "Being"
            | "Meeting"
            | "Following"
            | "Seeing"
            | "Hearing"
            | "Leaving"
            | "Turning"
            | "Looking"
            | "Entering"
            | "Watching"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
    ) || is_capitalised_adverb(word)
}

/// A sentence adverb opening a sentence (`Eventually Nick Roe agreed`, `Suddenly Dólokhov
/// cried`): it modifies the clause and is no part of the name after it. The surnames that end
/// like one (`Connolly`, `Reilly`, `Scully`) and given names (`Beverly`) are left alone.
fn is_capitalised_adverb(word: &str) -> bool {
    if word.len() < 6
        || !word.ends_with("ly")
        || !word.starts_with(|c: char| c.is_ascii_uppercase())
    {
        return false;
    }
    let lly = ["elly", "olly", "illy", "ully"]
        .iter()
        .any(|e| word.ends_with(e))
        && !word.ends_with("fully");
    let mut buf = [0; 16];
    !lly && is_ly_adverb(lower(word, &mut buf)) && given_name_gender(word) == Gender::Unknown
}

/// A verb of hearing (`heard`, `overheard`) in the active, after the word `before` it: what
/// its subject hears is someone else's words, so a quotation right after it is never the
/// hearer's. In the passive the subject is the one heard (`Roe is heard asking if …`).
pub(super) fn hears(word: &str, before: Option<&str>) -> bool {
    matches!(word, "heard" | "overheard" | "hears" | "overhears")
        && !before
            .is_some_and(|b| matches!(b, "is" | "was" | "are" | "were" | "be" | "been" | "being"))
}

/// A lower-case `-ly` word that is an adverb (`bitterly`, `reportedly`): less the
/// nouns and adjectives that end so (`family`, `elderly`).
pub(super) fn is_ly_adverb(word: &str) -> bool {
    // The short ones, among many short `-ly` words that are none (`reply`, `silly`, `early`).
    if word.len() == 5 {
        return matches!(
            word,
            "sadly"
                | "madly"
                | "badly"
                | "oddly"
                | "truly"
                | "coyly"
                | "shyly"
                | "dryly"
                | "wryly"
                | "slyly"
                | "icily"
                | "aptly"
                | "hotly"
        );
    }
    word.len() >= 6
        && word.ends_with("ly")
        && !matches!(
            word,
            "family"
                | "assembly"
                | "supply"
                | "monopoly"
                | "anomaly"
                | "elderly"
                | "daily"
                | "weekly"
                | "monthly"
                | "quarterly"
                | "yearly"
                | "friendly"
                | "lovely"
                | "lonely"
                | "lively"
                | "costly"
                | "deadly"
                | "orderly"
                | "burly"
                | "curly"
                | "homely"
        )
}

/// The words of [`is_role_word`].
static ROLE_WORDS: WordSet = WordSet::new(&[
    "minister",
    "secretary",
    "general",
    "president",
    "vice",
    "chancellor",
    "senator",
    "judge",
    "justice",
    "governor",
    "mayor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "chief",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "co-chairman",
    "leader",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "professor",
    "captain",
    "colonel",
    "commander",
    "deputy",
    "ambassador",
    "economist",
    "analyst",
    "executive",
    "officer",
    "member",
    "co-ordinator",
    "coordinator",
    "head",
    "editor",
    "correspondent",
    "counsel",
    "manager",
    "founder",
    "boss",
    "coach",
    "striker",
    "shadow",
    "former",
    "foreign",
    "defence",
    "defense",
    "health",
    "home",
    "finance",
    "trade",
    "state",
    "prime",
    "premier",
    "mp",
    "mep",
    "peer",
    "mpp",
    "mla",
    "mna",
    "councillor",
    "councilor",
    "commissioner",
    "critic",
    "qc",
    "sheriff",
    "inspector",
    "superintendent",
    "constable",
    "detective",
    "sergeant",
    "bishop",
    "archbishop",
    "cardinal",
    "rabbi",
    "imam",
    "emperor",
    "count",
    "countess",
    "duke",
    "duchess",
]);

/// Words before a role that change what it is (`shadow foreign secretary`, `former minister`,
/// `deputy leader`, `ex-chairman`): the holder is not the one the bare role means, and the word
/// alone is no title (`Former France centre Ana Ruiz` has no one called France).
pub(super) fn changes_role(word: &str) -> bool {
    let mut buf = [0; 16];
    let w = lower(word, &mut buf);
    matches!(
        w,
        "shadow"
            | "former"
            | "ex"
            | "deputy"
            | "vice"
            | "junior"
            | "assistant"
            | "acting"
            | "interim"
            | "outgoing"
            | "incoming"
            | "prospective"
            | "would-be"
            | "designate"
    ) || w.starts_with("ex-")
}

/// Title words that belong to a role, not a name (`Foreign Minister`, `Secretary General`).
pub(super) fn is_role_word(word: &str) -> bool {
    ROLE_WORDS.contains_lower(word)
        || (word.starts_with(char::is_lowercase) && {
            // `economist`, `analysts’`: a doer in -ist (trimmed only when asked).
            let w = word.trim_end_matches(['’', '\'', 's']);
            w.len() > 3 && w.ends_with("ist")
        })
}

/// Words that end the name of a place on the map (`Mediterranean Sea`, `Baker Street`): a
/// place is no person, and no body that speaks either.
pub(super) fn is_place_word(word: &str) -> bool {
    matches!(
        word,
        "Sea"
            | "Ocean"
            | "River"
            | "Lake"
            | "Mountains"
            | "Island"
            | "Islands"
            | "Street"
            | "Road"
            | "Avenue"
            | "Square"
    )
}

/// Words that make a capitalised run a place or a body rather than a person.
pub(super) fn is_body_word(word: &str) -> bool {
    is_place_word(word)
        || matches!(
            word,
            "Fleet"
                | "War"
                | "Europe"
                | "Show"
                | "Exchange"
                | "Court"
                | "Bank"
                | "Party"
                | "Council"
                | "Committee"
                | "Commission"
                | "Association"
                | "Campaign"
                | "Group"
                | "House"
                | "Chamber"
                | "Office"
                | "Ministry"
                | "Department"
                | "Union"
                | "Institute"
                | "Agency"
                | "Corporation"
                | "Company"
                | "Stockbrokers"
                | "Times"
                | "News"
                | "Radio"
                | "Telegraph"
                | "Star"
                | "Globe"
                | "Mail"
                | "Herald"
                | "Tribune"
                | "Standard"
                | "Independent"
                | "Economist"
                | "Gazette"
                | "Chronicle"
                | "Observer"
                | "Guardian"
                | "Mirror"
                | "Express"
                | "Press"
                | "Post"
                | "Journal"
                | "Magazine"
                | "Online"
                | "Programme"
                | "Democrat"
                | "Democrats"
                | "Conservative"
                | "Conservatives"
                | "Labour"
                | "Tory"
                | "Tories"
                | "Republican"
                | "Republicans"
                | "Liberal"
                | "Green"
                | "Socialist"
                | "East"
                | "West"
                | "North"
                | "South"
                | "Eastern"
                | "Western"
                | "Northern"
                | "Southern"
                | "Central"
                | "New"
                | "United"
                | "National"
                | "International"
                | "Royal"
                | "Federal"
                | "States"
                | "Kingdom"
                | "Republic"
                | "City"
                | "County"
                | "University"
                | "College"
                | "School"
                | "Hospital"
                | "Police"
                | "Army"
                | "Navy"
                | "Force"
                | "Services"
                | "Service"
                | "Foundation"
                | "Trust"
                | "Fund"
                | "Organisation"
                | "Organization"
                | "Authority"
                | "Board"
                | "Inc"
                | "Ltd"
                | "Plc"
                | "Corp"
                | "Parliament"
                | "Assembly"
                | "Congress"
                | "Senate"
                | "Cabinet"
                | "Government"
                | "Church"
                | "Airport"
                | "Station"
                | "Park"
                | "Centre"
                | "Center"
                | "Motors"
                | "Railway"
                | "Railways"
                | "Energy"
                | "Resorts"
                | "Systems"
                | "Technologies"
                | "Holdings"
                | "Pharmaceuticals"
                | "Bureau"
                // `Global Affairs`, `Veterans Affairs`: only a department's name ends in it.
                | "Affairs"
                | "Society"
                | "Network"
                | "Airways"
                | "Airlines"
                | "Media"
                | "Stock"
                | "Market"
                | "Markets"
                | "Council's"
                | "American"
                | "British"
                | "Russian"
                | "German"
                | "French"
                | "Chinese"
                | "Japanese"
                | "Indian"
                | "Italian"
                | "Spanish"
                | "European"
                | "African"
                | "Asian"
                | "Irish"
                | "Scottish"
                | "Welsh"
                | "English"
                | "Israeli"
                | "Palestinian"
                | "Iraqi"
                | "Iranian"
                | "Ukrainian"
                | "Polish"
                | "Dutch"
                | "Swiss"
                | "Canadian"
                | "Australian"
        )
}

/// Nationality adjectives, which name no one on their own (`the American said` means a person
/// the article introduced).
pub(super) fn is_nationality(word: &str) -> bool {
    matches!(
        strip_possessive(word),
        "American"
            | "British"
            | "Russian"
            | "German"
            | "French"
            | "Chinese"
            | "Japanese"
            | "Indian"
            | "Italian"
            | "Spanish"
            | "European"
            | "African"
            | "Asian"
            | "Irish"
            | "Scottish"
            | "Welsh"
            | "English"
            | "Israeli"
            | "Palestinian"
            | "Iraqi"
            | "Iranian"
            | "Ukrainian"
            | "Polish"
            | "Dutch"
            | "Swiss"
            | "Canadian"
            | "Australian"
            | "Argentine"
            | "Argentinian"
            | "Brazilian"
            | "Mexican"
            | "Korean"
            | "Swede"
            | "Swedish"
            | "Belgian"
            | "Croatian"
            | "Serbian"
            | "Czech"
            | "Greek"
            | "Turkish"
            | "Egyptian"
            | "Syrian"
            | "Kenyan"
            | "Nigerian"
            | "Scot"
            | "Briton"
            | "Frenchman"
            | "Dane"
            | "Finn"
            | "Norwegian"
            | "Portuguese"
            | "Austrian"
            | "Romanian"
    )
}

/// A nationality word as one key for its noun and adjective (`Scot` and `Scottish`,
/// `Frenchman` and `French`), so that `the Scot` and `Scottish Andy Murray` agree; `None`
/// for a word that names no nationality.
pub(super) fn nationality_key(word: &str) -> Option<&str> {
    let w = strip_possessive(word);
    if !is_nationality(w) {
        return None;
    }
    Some(match w {
        "Scot" => "Scottish",
        "Swede" => "Swedish",
        "Frenchman" => "French",
        "Briton" => "British",
        "Dane" => "Danish",
        "Finn" => "Finnish",
        "Argentinian" => "Argentine",
        _ => w,
    })
}

/// The words of [`is_body_noun`].
static BODY_NOUNS: WordSet = WordSet::new(&[
    "agency",
    "company",
    "firm",
    "group",
    "organization",
    "organisation",
    "charity",
    "non-profit",
    "nonprofit",
    "association",
    "network",
    "band",
    "team",
    "club",
    "brand",
    "retailer",
    "chain",
    "bank",
    "society",
    "institute",
    "centre",
    "center",
    "foundation",
    "coalition",
    "alliance",
    "federation",
    "consortium",
    "subsidiary",
    "affiliate",
    "division",
    "trust",
    "union",
    "party",
    "business",
    "maker",
    "carmaker",
    "automaker",
    "carrier",
    "lender",
    "producer",
    "supplier",
    "distributor",
    "seller",
    "vendor",
    "wholesaler",
    "broadcaster",
    "brewer",
    "miner",
    "exporter",
    "importer",
    "giant",
    "manufacturer",
    "publisher",
    "startup",
    "utility",
    "government",
    "ministry",
    "department",
    "council",
    "commission",
    "committee",
    "board",
    "court",
    "police",
    "force",
    "service",
    "authority",
    "university",
    "college",
    "school",
    "hospital",
    "city",
    "province",
    "state",
    "country",
    "town",
    "region",
    "airline",
    "railway",
    "insurer",
    "regulator",
    "consultancy",
    "watchdog",
    "operator",
    "provider",
    "developer",
    "league",
    "ministry's",
    "embassy",
    "administration",
    "office",
]);

/// Lower-case nouns for a body rather than a person (`the company`, `a non-profit agency`).
pub(super) fn is_body_noun(word: &str) -> bool {
    BODY_NOUNS.contains_lower(word)
}

/// Nouns for a business, which news names by a bare brand (`Microsoft`, `Shell`) more often
/// than by a name that says it is a body.
pub(super) fn is_business_noun(word: &str) -> bool {
    matches!(
        word,
        "company"
            | "firm"
            | "group"
            | "retailer"
            | "chain"
            | "carrier"
            | "airline"
            | "maker"
            | "manufacturer"
            | "giant"
            | "insurer"
            | "lender"
            | "publisher"
            | "brewer"
            | "bookmaker"
            | "supermarket"
            | "operator"
            | "subsidiary"
    )
}

/// A definite description that stands for a business the article named by a bare brand
/// (`the company`, `the grocer`, `the automaker`, `the telecom`): the business nouns, and those
/// that name a person as often before a name (`producer`, `developer`) but not after `the`
/// in a cue. Lower case.
pub(super) fn refers_to_business(word: &str) -> bool {
    is_business_noun(word)
        || (word.len() > 5 && word.ends_with("maker"))
        || matches!(
            word,
            "grocer"
                | "telecom"
                | "broadcaster"
                | "railway"
                | "utility"
                | "startup"
                | "bank"
                | "miner"
                | "producer"
                | "developer"
                | "provider"
                | "network"
                | "platform"
                | "seller"
                | "supplier"
                | "vendor"
                | "distributor"
                | "wholesaler"
                | "exporter"
                | "importer"
        )
}

/// Lower-case nouns for a document, which speaks for whoever wrote it (`the report said`).
pub(super) fn is_document_noun(word: &str) -> bool {
    let mut buf = [0; 16];
    matches!(
        lower(word, &mut buf),
        "statement"
            | "report"
            | "document"
            | "paper"
            | "release"
            | "study"
            | "survey"
            | "letter"
            | "email"
            | "e-mail"
            | "website"
            | "post"
            | "tweet"
            | "memo"
            | "filing"
            | "notice"
            | "guide"
            | "guidelines"
            | "ruling"
            | "decision"
            | "judgment"
            | "review"
            | "analysis"
            | "poll"
            | "bill"
            | "law"
            | "message"
            | "announcement"
            | "article"
            | "book"
            | "film"
            | "song"
            | "headline"
            | "editorial"
    )
}

/// Articles, possessive pronouns and demonstratives that open a noun phrase.
pub(super) fn is_determiner(word: &str) -> bool {
    // None is longer than five bytes: a longer word is not copied to lower case.
    if word.len() > 5 {
        return false;
    }
    let mut buf = [0; 16];
    matches!(
        lower(word, &mut buf),
        "the" | "a" | "an" | "its" | "his" | "her" | "their" | "our" | "this" | "that" | "these"
    )
}

/// `w` in ASCII lower case without allocating; `""` for long or non-ASCII words, which are
/// never in the word lists. A word already in lower case (most words of prose) is not copied.
pub(super) fn lower<'b>(w: &'b str, buf: &'b mut [u8; 16]) -> &'b str {
    let n = w.len();
    if n > buf.len() {
        return "";
    }
    // Most words of prose are lower-case ASCII already: one pass over the bytes answers them.
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        return w;
    }
    if !w.is_ascii() {
        return "";
    }
    buf[..n].copy_from_slice(w.as_bytes());
    buf[..n].make_ascii_lowercase();
    std::str::from_utf8(&buf[..n]).unwrap_or("")
}

/// A closed class of lower-case ASCII words, for the lists asked of nearly every word of an
/// article (is it a role, a source noun, a verb of saying?).
///
/// Almost every word is in none of them, and a `match` on strings compares the word with one
/// arm after another. A bit per (length, first letter) and one per (length, last letter) of
/// the set's words answer "no" for most words before any string is compared: it is what keeps
/// the lists cheap to grow (the last letter rules out most words of a common length and first
/// letter, `the` or `said` asked of a set holding `tax` or `sued`). A word
/// that passes the gate is looked up in a hash set of the words, built on first use, rather
/// than compared with each word of the list in turn (the lists are a hundred words long, and
/// the words that pass are mostly the list's own).
pub(super) struct WordSet {
    words: &'static [&'static str],
    /// Bit `c - b'a'` of `gate[n]`: some word of the set has `n` bytes and starts with `c`.
    gate: [u32; 17],
    /// Bit [`end_bit`] of `ends[n]`: some word of the set has `n` bytes and ends with that byte.
    ends: [u32; 17],
    set: OnceLock<FxHashSet<&'static str>>,
}

impl WordSet {
    /// Panics at compile time on a word that is empty, longer than 16 bytes (what [`lower`]
    /// keeps) or does not start with a lower-case ASCII letter.
    pub(super) const fn new(words: &'static [&'static str]) -> Self {
        let mut gate = [0; 17];
        let mut ends = [0; 17];
        let mut i = 0;
        while i < words.len() {
            let w = words[i].as_bytes();
            assert!(!w.is_empty() && w.len() <= 16 && w[0].is_ascii_lowercase());
            gate[w.len()] |= 1 << (w[0] - b'a');
            ends[w.len()] |= 1 << end_bit(w[w.len() - 1]);
            i += 1;
        }
        WordSet {
            words,
            gate,
            ends,
            set: OnceLock::new(),
        }
    }

    /// Whether `word`, exactly as written, is in the set (callers lower the case first).
    #[inline]
    pub(super) fn contains(&self, word: &str) -> bool {
        let b = word.as_bytes();
        match b.first() {
            Some(&c @ b'a'..=b'z') if b.len() <= 16 => {
                self.gate[b.len()] >> (c - b'a') & 1 == 1
                    && self.ends[b.len()] >> end_bit(b[b.len() - 1]) & 1 == 1
                    && self.holds(word)
            }
            _ => false,
        }
    }

    /// Whether `word` in lower case is in the set: `self.contains(lower(word, …))`, with the
    /// gates asked of the lowered first and last bytes before the word is copied to lower case
    /// (most capitalised words are names, which the gates turn away).
    pub(super) fn contains_lower(&self, word: &str) -> bool {
        let b = word.as_bytes();
        let (Some(first), Some(last)) = (b.first(), b.last()) else {
            return false;
        };
        let first = first.to_ascii_lowercase();
        if !first.is_ascii_lowercase()
            || b.len() > 16
            || self.gate[b.len()] >> (first - b'a') & 1 == 0
            || self.ends[b.len()] >> end_bit(last.to_ascii_lowercase()) & 1 == 0
        {
            return false;
        }
        let mut buf = [0; 16];
        self.contains(lower(word, &mut buf))
    }

    /// The lookup behind the gates, out of line so that the gate is inlined where it is asked.
    #[inline(never)]
    fn holds(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(word)
    }
}

/// The bit of [`WordSet`]'s `ends` for a word's last byte: its letter's, or 26 for any other.
const fn end_bit(b: u8) -> u32 {
    if b.is_ascii_lowercase() {
        (b - b'a') as u32
    } else {
        26
    }
}

/// A word whose first letter is upper case.
#[inline]
pub(super) fn is_capitalised(word: &str) -> bool {
    // Asked of nearly every word: an ASCII first byte answers without decoding a character.
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => word.starts_with(char::is_uppercase),
    }
}

pub(super) fn is_initial(word: &str) -> bool {
    let mut c = word.chars();
    matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_uppercase())
}

pub(super) fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "van" | "von" | "der" | "den" | "bin" | "al" | "da" | "di" | "du" | "le" | "la"
    )
}

/// The word without a possessive ending (`Russia’s` → `Russia`, `Wales'` → `Wales`; the
/// tokenizer keeps the bare apostrophe of a plural possessive only before another word).
pub(super) fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .or_else(|| {
            word.strip_suffix(['\'', '’'])
                .filter(|w| w.ends_with(['s', 'S']))
        })
        .unwrap_or(word)
}

pub(super) fn is_possessive(word: &str) -> bool {
    strip_possessive(word).len() < word.len()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gender {
    Male,
    Female,
    Unknown,
}

/// The gender a common given name shows (`Richard`, `Wendy`): news names a person in full once,
/// and then `she said` has to pick between the people named. Names borne by both sexes in
/// English or in the languages news often quotes (`Alex`, `Jordan`, `Jean`, `Andrea`, `Kim`)
/// are left out, so the list only ever says what the name says.
pub(super) fn given_name_gender(word: &str) -> Gender {
    match word {
        "Aaron" | "Adam" | "Adrian" | "Ahmed" | "Alan" | "Albert" | "Alexander" | "Alfonso"
        | "Ali" | "Allan" | "Andre" | "Andrew" | "Angus" | "Anthony" | "Antonio" | "Arthur"
        | "Barry" | "Ben" | "Benjamin" | "Bernard" | "Bill" | "Bob" | "Boris" | "Brad"
        | "Brandon" | "Brendan" | "Brian" | "Bruce" | "Bryan" | "Carl" | "Carlos" | "Charles"
        | "Christopher" | "Colin" | "Craig" | "Dan" | "Daniel" | "Darren" | "Dave" | "David"
        | "Dennis" | "Derek" | "Donald" | "Doug" | "Douglas" | "Duncan" | "Edward" | "Eric"
        | "Frank" | "Fred" | "Gary" | "Geoff" | "George" | "Gerald" | "Gordon" | "Graham"
        | "Greg" | "Harry" | "Henry" | "Hugh" | "Ian" | "Jack" | "Jacob" | "James" | "Jason"
        | "Jeff" | "Jeremy" | "Jim" | "Joe" | "John" | "Jonathan" | "Joseph" | "Josh"
        | "Justin" | "Keith" | "Ken" | "Kenneth" | "Kevin" | "Larry" | "Len" | "Luke"
        | "Malcolm" | "Marc" | "Mark" | "Martin" | "Matt" | "Matthew" | "Michael" | "Mike"
        | "Mohammed" | "Muhammad" | "Neil" | "Nick" | "Nicholas" | "Nigel" | "Oliver" | "Omar"
        | "Patrick" | "Paul" | "Peter" | "Philip" | "Phil" | "Ralph" | "Raymond" | "Richard"
        | "Rob" | "Robert" | "Roger" | "Ronald" | "Ryan" | "Scott" | "Sean" | "Simon"
        | "Stephen" | "Steve" | "Steven" | "Stuart" | "Ted" | "Thomas" | "Tim" | "Timothy"
        | "Todd" | "Tom" | "Tony" | "Trevor" | "Victor" | "Vladimir" | "Walter" | "Wayne"
        | "William" | "Xavier" => Gender::Male,
        "Alice" | "Alison" | "Amanda" | "Amy" | "Angela" | "Ann" | "Anna" | "Anne" | "Barbara"
        | "Betty" | "Carol" | "Caroline" | "Catherine" | "Charlotte" | "Christine" | "Claire"
        | "Deborah" | "Diana" | "Diane" | "Donna" | "Dorothy" | "Elizabeth" | "Ellen" | "Emily"
        | "Emma" | "Helen" | "Hillary" | "Jane" | "Janet" | "Jennifer" | "Jessica" | "Joan"
        | "Judith" | "Julia" | "Julie" | "Karen" | "Kate" | "Katherine" | "Kathleen" | "Laura"
        | "Linda" | "Lisa" | "Louise" | "Lucy" | "Margaret" | "Maria" | "Marie" | "Mary"
        | "Melanie" | "Michelle" | "Nancy" | "Natalie" | "Olivia" | "Patricia" | "Rachel"
        | "Rebecca" | "Ruth" | "Sandra" | "Sarah" | "Sharon" | "Sophie" | "Susan" | "Theresa"
        | "Tracey" | "Valerie" | "Victoria" | "Wendy" | "Beverly" | "Kimberly" | "Holly"
        | "Molly" | "Sally" => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// A lower-case noun for a work that is named after it (`the film Indiana Jones`, `his comic
/// Starkeeper`, `her gritty drama Wasp`), or that a title before it modifies (`the Joshua Tree
/// album`).
pub fn is_work_noun(word: &str) -> bool {
    matches!(
        word,
        "film"
            | "films"
            | "movie"
            | "movies"
            | "comic"
            | "comics"
            | "novel"
            | "novels"
            | "book"
            | "books"
            | "series"
            | "sitcom"
            | "show"
            | "album"
            | "song"
            | "single"
            | "game"
            | "play"
            | "musical"
            | "opera"
            | "documentary"
            | "drama"
            | "dramas"
            | "thriller"
            | "comedy"
            | "cartoon"
            | "biopic"
            | "sequel"
            | "memoir"
            | "poem"
            | "albums"
            | "songs"
            | "games"
            | "programme"
            | "program"
            | "franchise"
            | "character"
            | "characters"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    static VERBS: WordSet = WordSet::new(&["said", "says", "told", "added"]);

    #[test]
    fn word_set_contains_lower_is_contains_of_the_lowered_word() {
        for w in [
            "said",
            "Said",
            "SAID",
            "sAiD",
            "Sued",
            "Told",
            "told.",
            "",
            "S",
            "Said’s",
            "été",
            "Été",
            "ADDED",
            "Added",
            "added!",
            "SAIDSAIDSAIDSAIDS",
        ] {
            let mut buf = [0; 16];
            assert_eq!(
                VERBS.contains_lower(w),
                VERBS.contains(lower(w, &mut buf)),
                "{w}"
            );
        }
    }

    #[test]
    fn word_set_holds_exactly_its_words() {
        for w in ["said", "says", "told", "added"] {
            assert!(VERBS.contains(w), "{w}");
        }
        // Same length, first and last letter as a member (passes the gates), but not a member.
        assert!(!VERBS.contains("sued"));
        // Gates reject: a length, first or last letter no member of that length has.
        assert!(!VERBS.contains("sad"));
        assert!(!VERBS.contains("asked"));
        assert!(!VERBS.contains("sail"));
        assert!(!VERBS.contains("tol-"));
        // Callers lower the case first; the set itself is exact.
        assert!(!VERBS.contains("Said"));
        assert!(!VERBS.contains(""));
        assert!(!VERBS.contains("saidsaidsaidsaidsaid"));
        assert!(!VERBS.contains("été"));
    }

    #[test]
    fn lower_borrows_when_already_lower_case() {
        let mut buf = [0u8; 16];
        assert_eq!(lower("said", &mut buf), "said");
        assert_eq!(lower("Said", &mut buf), "said");
        assert_eq!(lower("MINISTER", &mut buf), "minister");
    }
}
