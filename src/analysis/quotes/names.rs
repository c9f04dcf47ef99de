//! People and bodies named in an article: telling names from titles and roles, and merging
//! every form of a name (`Sergey Lavrov`, `Lavrov`, `Mr Lavrov`) into one entity.
//!
//! News English introduces a person once in full with a role (`Russian Foreign Minister Sergey
//! Lavrov`) and then by surname with or without an honorific, so a surname index over the names
//! seen so far is enough to merge aliases; honorifics also give the gender that pronoun
//! resolution needs.

use std::collections::{HashMap, HashSet};

use super::SpeakerKind;

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
fn kept_title(word: &str) -> Option<Gender> {
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
    )
}

/// Title words that belong to a role, not a name (`Foreign Minister`, `Secretary General`).
pub(super) fn is_role_word(word: &str) -> bool {
    let w = word.trim_end_matches(['’', '\'', 's']);
    let mut buf = [0; 16];
    matches!(
        lower(word, &mut buf),
        "minister"
            | "secretary"
            | "general"
            | "president"
            | "vice"
            | "chancellor"
            | "senator"
            | "judge"
            | "justice"
            | "governor"
            | "mayor"
            | "king"
            | "queen"
            | "prince"
            | "princess"
            | "pope"
            | "chief"
            | "director"
            | "chairman"
            | "chairwoman"
            | "chair"
            | "co-chairman"
            | "leader"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "professor"
            | "captain"
            | "colonel"
            | "commander"
            | "deputy"
            | "ambassador"
            | "economist"
            | "analyst"
            | "executive"
            | "officer"
            | "member"
            | "co-ordinator"
            | "coordinator"
            | "head"
            | "editor"
            | "correspondent"
            | "counsel"
            | "manager"
            | "founder"
            | "boss"
            | "coach"
            | "striker"
            | "shadow"
            | "former"
            | "foreign"
            | "defence"
            | "defense"
            | "health"
            | "home"
            | "finance"
            | "trade"
            | "state"
            | "prime"
            | "premier"
            | "mp"
            | "mep"
            | "qc"
            | "sheriff"
            | "inspector"
            | "superintendent"
            | "constable"
            | "detective"
            | "sergeant"
            | "bishop"
            | "archbishop"
            | "cardinal"
            | "rabbi"
            | "imam"
            | "emperor"
            | "count"
            | "countess"
            | "duke"
            | "duchess"
    ) || (w.len() > 3 && w.ends_with("ist") && word.starts_with(char::is_lowercase))
}

/// Words that make a capitalised run a place or a body rather than a person.
fn is_body_word(word: &str) -> bool {
    matches!(
        word,
        "Sea"
            | "Ocean"
            | "River"
            | "Lake"
            | "Mountains"
            | "Island"
            | "Islands"
            | "Fleet"
            | "War"
            | "Europe"
            | "Street"
            | "Road"
            | "Avenue"
            | "Square"
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

/// Articles, possessive pronouns and demonstratives that open a noun phrase.
pub(super) fn is_determiner(word: &str) -> bool {
    let mut buf = [0; 16];
    matches!(
        lower(word, &mut buf),
        "the" | "a" | "an" | "its" | "his" | "her" | "their" | "our" | "this" | "that" | "these"
    )
}

/// `w` in ASCII lower case without allocating; `""` for long or non-ASCII words, which are
/// never in the word lists.
pub(super) fn lower<'b>(w: &str, buf: &'b mut [u8; 16]) -> &'b str {
    let n = w.len();
    if n > buf.len() || !w.is_ascii() {
        return "";
    }
    buf[..n].copy_from_slice(w.as_bytes());
    buf[..n].make_ascii_lowercase();
    std::str::from_utf8(&buf[..n]).unwrap_or("")
}

/// A word whose first letter is upper case.
pub(super) fn is_capitalised(word: &str) -> bool {
    word.starts_with(char::is_uppercase)
}

fn is_initial(word: &str) -> bool {
    let mut c = word.chars();
    matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_uppercase())
}

fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "van" | "von" | "der" | "den" | "bin" | "al" | "da" | "di" | "du" | "le" | "la"
    )
}

/// The word without a possessive ending (`Russia’s` → `Russia`).
pub(super) fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
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

/// A noun phrase split into a role and a name: `NATO Secretary General Jens Stoltenberg` →
/// role `NATO Secretary General`, name `Jens Stoltenberg`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Split<'a> {
    /// Words before the name (without a leading determiner).
    pub role: &'a [&'a str],
    /// The name as written, without Mr/Mrs/Ms (kept titles like Sir stay).
    pub name: &'a [&'a str],
    pub gender: Gender,
    /// The name came with an honorific or a kept title, so it is certainly a person.
    pub titled: bool,
}

/// Splits `words` (a noun phrase ending in a capitalised word) into role and name. `None` when
/// the phrase does not end in a capitalised word.
pub(super) fn split_name<'a>(words: &'a [&'a str]) -> Option<Split<'a>> {
    let last = words.len().checked_sub(1)?;
    if !is_capitalised(words[last]) || is_role_word(words[last]) && words.len() > 1 {
        return None;
    }
    // Walk back over the name: capitalised words, initials and particles, at most three
    // capitalised words (`George W. Bush`), stopping at titles and roles.
    let mut start = last;
    let mut caps = 1;
    let mut gender = Gender::Unknown;
    let mut titled = false;
    while start > 0 {
        let w = words[start - 1];
        if let Some(g) = honorific(w) {
            gender = g;
            titled = true;
            let role = &words[..start - 1];
            return Some(Split {
                role: strip_determiner(role),
                name: &words[start..],
                gender,
                titled,
            });
        }
        if let Some(g) = kept_title(w) {
            gender = g;
            titled = true;
            start -= 1;
            break;
        }
        if is_initial(w) || is_particle(w) {
            start -= 1;
            continue;
        }
        if !is_capitalised(w)
            || is_role_word(w)
            || is_possessive(w)
            || is_capitalised_function_word(w)
            || caps >= 2
        {
            break;
        }
        caps += 1;
        start -= 1;
    }
    Some(Split {
        role: strip_determiner(&words[..start]),
        name: &words[start..],
        gender,
        titled,
    })
}

fn strip_determiner<'a>(words: &'a [&'a str]) -> &'a [&'a str] {
    match words.first() {
        Some(w) if is_determiner(w) => &words[1..],
        _ => words,
    }
}

/// Whether a split name looks like a person: titled, or two or more name words that are not
/// places, bodies or acronyms.
pub(super) fn looks_like_person(split: &Split) -> bool {
    if split.titled {
        return true;
    }
    let real: Vec<&&str> = split
        .name
        .iter()
        .filter(|w| !is_initial(w) && !is_particle(w))
        .collect();
    real.len() >= 2
        && real.iter().all(|w| {
            !is_body_word(w)
                && !is_capitalised_function_word(w)
                && !w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
        })
}

/// One person or body that the article names.
#[derive(Debug, Clone)]
pub(super) struct Entity {
    /// The fullest form seen so far.
    pub name: String,
    /// Every form seen, as written (with Mr/Mrs/Ms when the article used them).
    pub forms: Vec<String>,
    pub role: Option<String>,
    pub gender: Gender,
    pub kind: SpeakerKind,
}

/// The entities of one article and where persons are mentioned (for pronouns).
#[derive(Debug, Default)]
pub(super) struct Registry {
    pub entities: Vec<Entity>,
    by_name: HashMap<String, usize>,
    /// Surname → persons with that surname, most recent mention last.
    by_last: HashMap<String, Vec<usize>>,
    /// Person mentions in text order: (byte offset, entity).
    pub mentions: Vec<(usize, usize)>,
    /// Lower-cased roles of at least two words (`tory leader`) → person: `the Tory leader`
    /// later in the article means that person.
    roles: HashMap<String, usize>,
    /// First words of the keys of `roles`, to skip most phrases without building them.
    role_starts: HashSet<String>,
}

impl Registry {
    /// Finds or creates the person for a split name; records the mention at `pos` when given.
    pub fn person(&mut self, split: &Split, pos: Option<usize>) -> usize {
        let name = split.name.join(" ");
        let last = strip_possessive(split.name.last().copied().unwrap_or("")).to_string();
        let single = split
            .name
            .iter()
            .filter(|w| kept_title(w).is_none())
            .count()
            < 2;
        let id = if let Some(&id) = self.by_name.get(&name) {
            id
        } else if let Some(&id) = self.by_last.get(&last).and_then(|ids| {
            ids.iter().rev().find(|&&id| {
                let e = &self.entities[id];
                // A bare surname joins the latest person with it; a full name only upgrades a
                // person known so far by surname alone.
                single || !e.name.contains(' ')
            })
        }) {
            if !single && self.entities[id].name.split(' ').count() < split.name.len() {
                self.entities[id].name = name.clone();
            }
            self.by_name.insert(name.clone(), id);
            id
        } else {
            let id = self.entities.len();
            self.entities.push(Entity {
                name: name.clone(),
                forms: Vec::new(),
                role: None,
                gender: Gender::Unknown,
                kind: SpeakerKind::Person,
            });
            self.by_name.insert(name.clone(), id);
            id
        };
        let ids = self.by_last.entry(last).or_default();
        ids.retain(|&x| x != id);
        ids.push(id);
        let entity = &mut self.entities[id];
        if entity.gender == Gender::Unknown {
            entity.gender = split.gender;
        }
        if !entity.forms.contains(&name) {
            entity.forms.push(name);
        }
        if entity.role.is_none() && split.role.iter().any(|w| !is_possessive(w)) {
            let role = split.role.join(" ");
            let lowered: Vec<String> = split.role.iter().map(|w| w.to_lowercase()).collect();
            for k in 0..lowered.len().saturating_sub(1) {
                self.roles.insert(lowered[k..].join(" "), id);
                self.role_starts.insert(lowered[k].clone());
            }
            self.entities[id].role = Some(role);
        }
        if let Some(pos) = pos {
            self.mentions.push((pos, id));
        }
        id
    }

    /// Finds or creates a body (or an unnamed person described by role: `a spokesman`).
    pub fn body(&mut self, name: &str, kind: SpeakerKind) -> usize {
        let key = name.to_lowercase();
        if let Some(&id) = self.by_name.get(&key) {
            return id;
        }
        let id = self.entities.len();
        self.entities.push(Entity {
            name: name.to_string(),
            forms: vec![name.to_string()],
            role: None,
            gender: Gender::Unknown,
            kind,
        });
        self.by_name.insert(key, id);
        id
    }

    /// A single capitalised word that is the surname of a known person.
    pub fn known_surname(&self, word: &str) -> Option<usize> {
        self.by_last
            .get(strip_possessive(word))
            .and_then(|ids| ids.last().copied())
    }

    /// Cheap test before [`Registry::by_role`]: could a role phrase start with `word`?
    pub fn may_start_role(&self, word: &str) -> bool {
        !self.role_starts.is_empty() && self.role_starts.contains(&word.to_lowercase())
    }

    /// A description (`the Tory leader`) that repeats a known person's role.
    pub fn by_role(&self, words: &[&str]) -> Option<usize> {
        let desc = strip_determiner(words);
        if desc.len() < 2 || !self.role_starts.contains(&desc[0].to_lowercase()) {
            return None;
        }
        self.roles.get(&desc.join(" ").to_lowercase()).copied()
    }

    /// The person a `he`/`she` at byte `pos` refers to: the nearest person mentioned before it
    /// whose gender fits, preferring one whose gender is known to fit over a nearer unknown.
    pub fn antecedent(&self, pos: usize, gender: Gender, min_pos: usize) -> Option<usize> {
        let end = self.mentions.partition_point(|&(p, _)| p < pos);
        let mut unknown = None;
        for &(p, id) in self.mentions[..end].iter().rev().take(12) {
            if p < min_pos {
                break;
            }
            let g = self.entities[id].gender;
            if g == gender {
                return Some(id);
            }
            if g == Gender::Unknown && unknown.is_none() {
                unknown = Some(id);
            }
        }
        if unknown.is_some() {
            return unknown;
        }
        // Nothing near: fall back to the last fitting person anywhere before.
        self.mentions[..end]
            .iter()
            .rev()
            .take(12)
            .map(|&(_, id)| id)
            .find(
                |&id| matches!(self.entities[id].gender, g if g == gender || g == Gender::Unknown),
            )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Option<(String, String)> {
        let words: Vec<&str> = s.split(' ').collect();
        split_name(&words).map(|sp| (sp.role.join(" "), sp.name.join(" ")))
    }

    #[test]
    fn titles_and_roles_are_split_from_names() {
        assert_eq!(
            split("NATO Secretary General Jens Stoltenberg"),
            Some(("NATO Secretary General".into(), "Jens Stoltenberg".into()))
        );
        assert_eq!(
            split("the Tory leader Michael Howard"),
            Some(("Tory leader".into(), "Michael Howard".into()))
        );
        assert_eq!(split("Mr Lavrov"), Some(("".into(), "Lavrov".into())));
        assert_eq!(
            split("Sir George Young"),
            Some(("".into(), "Sir George Young".into()))
        );
        assert_eq!(
            split("President George W. Bush"),
            Some(("President".into(), "George W. Bush".into()))
        );
        assert_eq!(split("the two firms"), None);
    }

    #[test]
    fn aliases_merge_into_the_fullest_name() {
        let mut r = Registry::default();
        let w1 = ["Lavrov"];
        let a = r.person(&split_name(&w1).unwrap(), Some(0));
        let w2 = ["Russian", "Foreign", "Minister", "Sergey", "Lavrov"];
        let b = r.person(&split_name(&w2).unwrap(), Some(10));
        let w3 = ["Mr", "Lavrov"];
        let c = r.person(&split_name(&w3).unwrap(), Some(20));
        assert_eq!((a, b), (a, c));
        assert_eq!(r.entities[a].name, "Sergey Lavrov");
        assert_eq!(
            r.entities[a].role.as_deref(),
            Some("Russian Foreign Minister")
        );
        assert_eq!(r.entities[a].gender, Gender::Male);
    }

    #[test]
    fn places_and_acronyms_are_not_people() {
        for s in [
            "Baltic Sea",
            "Downing Street",
            "NATO RNC",
            "Liberal Democrat",
        ] {
            let words: Vec<&str> = s.split(' ').collect();
            let sp = split_name(&words).unwrap();
            assert!(!looks_like_person(&sp), "{s}");
        }
    }
}
