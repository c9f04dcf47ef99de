//! People and bodies named in an article: telling names from titles and roles, and merging
//! every form of a name (`Sergey Lavrov`, `Lavrov`, `Mr Lavrov`) into one entity.
//!
//! News English introduces a person once in full with a role (`Russian Foreign Minister Sergey
//! Lavrov`) and then by surname with or without an honorific, so a surname index over the names
//! seen so far is enough to merge aliases; honorifics also give the gender that pronoun
//! resolution needs.

use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;

use super::SpeakerKind;
use super::lexicon::{
    Gender, WordSet, changes_role, given_name_gender, honorific, is_body_word, is_capitalised,
    is_capitalised_function_word, is_determiner, is_initial, is_nationality, is_particle,
    is_possessive, is_role_word, kept_title, lower, nationality_key, strip_possessive,
};
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
    // `Prime Minister`, `the King` end in a role; `Oona King`, `Ms King` in a surname that is
    // also a role word: a given name, a plain honorific, or a role before a capitalised word
    // (`Labour MP Oona King`) makes it a name.
    let surname = || {
        let prev = words[last - 1];
        given_name_gender(prev) != Gender::Unknown
            || matches!(prev, "Mr" | "Mrs" | "Ms" | "Miss" | "Mr." | "Mrs." | "Ms.")
            || (last >= 2
                && is_capitalised(prev)
                && !is_role_word(prev)
                && is_role_word(words[last - 2]))
    };
    if !is_capitalised(words[last]) || is_role_word(words[last]) && words.len() > 1 && !surname() {
        return None;
    }
    // Walk back over the name: capitalised words, initials and particles, at most three
    // capitalised words (`George W. Bush`, `Lucille Roybal Allard`), stopping at titles and
    // roles; a known given name opens the name (`Ottawa Jim Watson` is no one's name).
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
        // A third capitalised word is a name's too (`Lucille Roybal Allard`), unless it names
        // where or what the person is from (`Toronto`, `German`, `NDP`, `Labour`).
        if !is_capitalised(w)
            || is_role_word(w)
            || is_possessive(w)
            || is_capitalised_function_word(w)
            || describes_with_compound(w)
            || caps >= 3
            || (caps == 2
                && (is_nationality(w)
                    || is_nationality(w.strip_suffix('s').unwrap_or(w))
                    || w.contains('-')
                    || affiliation_or_title(w)
                    || is_body_word(w)
                    || w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
                    || given_name_gender(words[start]) != Gender::Unknown))
        {
            break;
        }
        caps += 1;
        start -= 1;
    }
    // `Home Office`, `Foreign Ministry`: a role word before a body word names a body.
    if start == last && start > 0 && !titled && is_body_word(strip_possessive(words[last])) {
        return None;
    }
    let mut role = strip_determiner(&words[..start]);
    // `Jonathan Wolpaw and Dennis McFarlane`: a given name and a surname joined by `and` to the
    // name are a second person's name, no role of this one's. (`Princes William and Harry`,
    // `Trade and Industry`, `Sittingbourne and Sheppey` are one name or body.)
    if let [.., given, surname, "and"] = role
        && given_name_gender(given) != Gender::Unknown
        && is_capitalised(surname)
    {
        role = &[];
    }
    Some(Split {
        role,
        name: &words[start..],
        gender,
        titled,
    })
}

/// A capitalised compound whose last part is a participle or a noun in lower case
/// (`Oscar-nominated`, `Paris-based`, `Man-of-the-match`): it says what the person or body
/// after it is, the way `Bafta winner` does, and is no part of a name (`Chung Mong-koo`,
/// `Ross-van Dorp` keep theirs: no participle ends them).
fn describes_with_compound(w: &str) -> bool {
    let Some((first, last)) = w.split_once('-').map(|(f, _)| f).zip(w.rsplit('-').next()) else {
        return false;
    };
    first.starts_with(char::is_uppercase)
        && last.chars().all(|c| c.is_ascii_lowercase())
        && (last.len() > 4 && (last.ends_with("ed") || last.ends_with("ing"))
            || matches!(last, "born" | "run" | "made" | "match"))
}

/// [`split_name`] for a phrase whose first word opens a sentence: there a capital shows nothing,
/// so a first word that would make a third name word is the description it usually is
/// (`Teenager Ana Ruiz`, `Journalist Tom Ek`), unless it is a known given name.
pub(super) fn split_name_opening<'a>(words: &'a [&'a str], opens: bool) -> Option<Split<'a>> {
    let split = split_name(words)?;
    let real = || {
        split
            .name
            .iter()
            .filter(|w| !is_initial(w) && !is_particle(w))
            .count()
    };
    if opens
        && !split.titled
        && split.role.is_empty()
        && words.len() == split.name.len()
        && real() >= 3
        && given_name_gender(words[0]) == Gender::Unknown
    {
        return Some(Split {
            role: &words[..1],
            name: &words[1..],
            ..split
        });
    }
    Some(split)
}

/// Capitalised words that stand before a name for the person's party or office, never as a
/// first name: `Lib Dem Norman Baker`, `US Attorney Ann Roe`, `Rt Rev John Hind`.
fn affiliation_or_title(w: &str) -> bool {
    matches!(
        w,
        "Dem"
            | "Dems"
            | "Democrat"
            | "Republican"
            | "Tory"
            | "Labour"
            | "Liberal"
            | "Conservative"
            | "Green"
            | "Reverend"
            | "Rev"
            | "Rt"
            | "Speaker"
            | "Attorney"
            | "Yorker"
    )
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
    let real = || {
        split
            .name
            .iter()
            .copied()
            .filter(|w| !is_initial(w) && !is_particle(w))
    };
    // After a known first name a nationality word is a surname (`Oliver Irish`, `Michael
    // German`), not what the person is from.
    // (Asked only of a body's word after the first: a list of names to compare with.)
    let given = || {
        real()
            .next()
            .is_some_and(|w| given_name_gender(w) != Gender::Unknown)
    };
    // `Lib Dems`, `Senate Republicans`: members of a party named as a group.
    let party_members = real().next_back().is_some_and(|w| {
        matches!(
            w,
            "Dems" | "Democrats" | "Republicans" | "Tories" | "Conservatives" | "Liberals"
        )
    });
    real().nth(1).is_some()
        && !party_members
        && real().enumerate().all(|(i, w)| {
            let bare = strip_possessive(w);
            // After a known first name, a party word is a surname too (`John Tory`).
            (!is_body_word(bare)
                || (i > 0 && given() && (is_nationality(bare) || affiliation_or_title(bare))))
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
    /// The text shows this is a person, not just a capitalised pair of words: a title or
    /// honorific, a role before the name, an appositive after it (`, a lawyer,` `, 45,` `, who`),
    /// or it speaks. Pronouns only look back to confirmed persons when the article has any.
    pub confirmed: bool,
    /// Evidence for the gender (male, female): an honorific counts four, a pronoun that refers
    /// to the entity one. One stray pronoun (`Vickers was running, and she said`) is outvoted.
    pub votes: [u16; 2],
    /// A lone capitalised word that acted as a subject (`Mulder didn't hesitate`): a person
    /// only once a pronoun takes it up.
    pub actor: bool,
    /// The age an appositive gave (`Ann Roe, 39,`), for a later `the 39-year-old`.
    pub age: Option<u16>,
    /// The nationality the article gave the person (`American Robby Ginepri`, `the Australian
    /// said`), as [`nationality_key`] writes it: a later `the Swiss star` is someone else.
    pub nationality: Option<Box<str>>,
    /// Whether the first mention was an owner's (`Aston Villa's passage`): a name met first
    /// that way may be a club's or a firm's, which a surname acting does not make a person.
    pub first_owner: bool,
}

impl Entity {
    fn vote(&mut self, gender: Gender, weight: u16) {
        let i = match gender {
            Gender::Male => 0,
            Gender::Female => 1,
            Gender::Unknown => return,
        };
        self.votes[i] = self.votes[i].saturating_add(weight);
        self.gender = match self.votes[0].cmp(&self.votes[1]) {
            std::cmp::Ordering::Greater => Gender::Male,
            std::cmp::Ordering::Less => Gender::Female,
            std::cmp::Ordering::Equal => Gender::Unknown,
        };
    }
}

/// One place where the article names a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Mention {
    /// Byte offset of the mention.
    pub pos: usize,
    /// Byte offset just past it.
    pub end: usize,
    pub entity: usize,
    /// The subject of its sentence (it opens the sentence, or speaks): the one a later
    /// pronoun most likely means.
    pub subject: bool,
    /// A possessive (`Trump’s border wall`), a comparison (`like Montalban`) or a photo
    /// caption: the person is talked about, not acting, so a later `he said` does not look
    /// at it.
    pub weak: bool,
}

/// The entities of one article and where persons are mentioned (for pronouns).
#[derive(Debug, Default)]
pub(super) struct Registry {
    pub entities: Vec<Entity>,
    by_name: FxHashMap<String, usize>,
    /// Surname → persons with that surname, most recent mention last.
    by_last: FxHashMap<String, Vec<usize>>,
    /// Person mentions in text order.
    pub mentions: Vec<Mention>,
    /// Whether any person is confirmed: then only confirmed persons are antecedents.
    any_confirmed: bool,
    /// First word of a full name → persons with it, for `Darrin` after `Darrin Wise`.
    by_first: FxHashMap<String, Vec<usize>>,
    /// Mentions of bodies (`the Bank`, `Ofcom`, `the Labour Party`) in text order: what a
    /// later `the company` or `the ministry` stands for.
    pub org_mentions: Vec<Mention>,
    /// Lone capitalised words that open a sentence and act (`Microsoft has said …`, `Shell
    /// told investors …`), with their byte offsets, in text order: no person's name the
    /// article gives, so a later `the company` may mean one of them.
    pub lone_subjects: Vec<(usize, String)>,
    /// Lower-cased roles of at least two words (`tory leader`) → person: `the Tory leader`
    /// later in the article means that person.
    roles: FxHashMap<String, usize>,
    /// First words of the keys of `roles`, to skip most phrases without building them.
    role_starts: FxHashSet<String>,
    /// The body behind the document the article cited last (`a report by Acme Rail`), which a
    /// later `the report said` speaks for.
    pub doc_owner: Option<usize>,
    /// Capitalised words the article uses as places (`in Ottawa`), which are nobody's surname.
    pub places: FxHashSet<String>,
    /// Titles the article gives after a noun for a work (`the drama Wasp`): a film or an album
    /// acting in the prose (`Wasp tells the story`) is no person a pronoun looks back to.
    pub works: FxHashSet<String>,
    /// Where [`Registry::person`] joins a name's words, kept to save an allocation per mention.
    name_buf: String,
}

impl Registry {
    /// Finds or creates the person for a split name; records the mention at `pos` when given.
    pub fn person(&mut self, split: &Split, at: Option<(Range<usize>, bool)>) -> usize {
        let weak = split.name.last().is_some_and(|w| is_possessive(w));
        // The name's words, the last without its possessive ending.
        let (last, init) = match split.name.split_last() {
            Some((last, init)) => (strip_possessive(last), init),
            None => ("", &[][..]),
        };
        let words = || init.iter().copied().chain([last]);
        // Most calls name someone already known (a novel names its people thousands of times):
        // the name is joined in a buffer kept for the purpose, and copied only to be stored.
        let mut name = std::mem::take(&mut self.name_buf);
        name.clear();
        for w in init {
            name.push_str(w);
            name.push(' ');
        }
        name.push_str(last);
        let single = split
            .name
            .iter()
            .filter(|w| kept_title(w).is_none())
            .count()
            < 2;
        let id = if let Some(&id) = self.by_name.get(name.as_str()) {
            id
        } else if let Some(&id) = self.by_last.get(last).and_then(|ids| {
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
        } else if let Some(id) = single.then(|| self.known_first(last)).flatten() {
            // `Darrin` or `Wang` after `Darrin Wise` / `Wang Qishan`: the first word of a full
            // name, when it is no one's surname.
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
                confirmed: false,
                votes: [0; 2],
                actor: false,
                age: None,
                nationality: None,
                first_owner: weak,
            });
            self.by_name.insert(name.clone(), id);
            id
        };
        if let Some(first) = words().find(|w| kept_title(w).is_none())
            && !single
        {
            match self.by_first.get_mut(first) {
                Some(ids) if ids.contains(&id) => {}
                Some(ids) => ids.push(id),
                None => {
                    self.by_first.insert(first.to_string(), vec![id]);
                }
            }
        }
        match self.by_last.get_mut(last) {
            Some(ids) => {
                ids.retain(|&x| x != id);
                ids.push(id);
            }
            None => {
                self.by_last.insert(last.to_string(), vec![id]);
            }
        }
        let entity = &mut self.entities[id];
        entity.vote(split.gender, 4);
        if !single && let Some(first) = words().find(|w| kept_title(w).is_none()) {
            // A given name outweighs a stray pronoun, not an honorific, and shows a person.
            let g = given_name_gender(first);
            entity.vote(g, 2);
            if g != Gender::Unknown && !entity.confirmed {
                entity.confirmed = true;
                self.any_confirmed = true;
            }
        }
        if split.titled && !entity.confirmed {
            entity.confirmed = true;
            self.any_confirmed = true;
        }
        if !entity.forms.contains(&name) {
            entity.forms.push(name.clone());
        }
        self.name_buf = name;
        if split.role.iter().any(|w| !is_possessive(w)) {
            self.give_role(id, split.role);
        }
        if let Some((range, subject)) = at {
            self.mention(range, id, subject && !weak, weak);
        }
        id
    }

    /// `Jurgen Melzer … / Melzer has now beaten Agassi.`: news English names a person in full
    /// once and then by surname alone, and a surname that is the subject of its sentence (the
    /// caller has seen it act) is a person acting, whatever list the given name is missing
    /// from: person `id`, mentioned as `surname`, is confirmed. Only a name first met in full
    /// (a body named by a place, `Canada` then `Statistics Canada`, grew into its name), with
    /// two plain words in the Latin alphabet (a novel's transliterated phrases are no news
    /// names) and no team's, body's, place's or number's word among them (`Manchester United …
    /// United have won`, `the Sale Sharks`, `Memorandum No`); nor a word that acted alone
    /// before the full name was given (`Canada has asked …`), nor a name first met as an owner.
    pub fn surname_acts(&mut self, id: usize, surname: &str) {
        let Some(e) = self.entities.get(id) else {
            return;
        };
        if e.confirmed || e.kind != SpeakerKind::Person {
            return;
        }
        let full: Vec<&str> = e.name.split(' ').collect();
        let plain = |w: &&str| {
            w.starts_with(|c: char| c.is_ascii_uppercase())
                && w.chars()
                    .skip(1)
                    .all(|c| c.is_ascii_lowercase() || c == '-' || c == '\'')
                && !is_body_word(w)
                && !is_role_word(w)
                && !is_capitalised_function_word(w)
        };
        let fits = full.len() == 2
            && full[1] == surname
            && e.forms.first() == Some(&e.name)
            && full.iter().all(plain)
            && !full[0].ends_with("ing")
            && !full[0].contains('\'')
            && !matches!(full[1], "No" | "One" | "Two" | "Three" | "Four" | "Five")
            && !is_team_name(&full)
            && !self.places.contains(surname)
            && !self.lone_subjects.iter().any(|(_, w)| w == surname)
            && !e.first_owner;
        if fits {
            self.confirm(id, Gender::Unknown);
        }
    }

    /// Gives person `id` the role `words` (`Tory leader`, `former Labour minister`) unless it
    /// has one: a later `the Tory leader` or `the minister` means the person.
    pub fn give_role(&mut self, id: usize, words: &[&str]) {
        if self.entities[id].role.is_some() || words.is_empty() {
            return;
        }
        let lowered: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        for k in 0..lowered.len().saturating_sub(1) {
            self.roles.insert(lowered[k..].join(" "), id);
            self.role_starts.insert(lowered[k].clone());
            // The shadow foreign secretary is not the Foreign Secretary, nor a former
            // minister the minister: a shorter role would drop what changes its meaning.
            if changes_role(&lowered[k]) {
                break;
            }
        }
        self.entities[id].role = Some(words.join(" "));
    }

    /// Records a mention of person `entity` at byte `pos`, keeping the list in text order.
    pub fn mention(&mut self, range: Range<usize>, entity: usize, subject: bool, weak: bool) {
        let pos = range.start;
        let m = Mention {
            pos,
            end: range.end,
            entity,
            subject,
            weak,
        };
        // Prose names people in text order: a mention past the last one is appended without a
        // search (none can share its start).
        if self.mentions.last().is_none_or(|l| l.pos < pos) {
            self.mentions.push(m);
            return;
        }
        let at = self.mentions.partition_point(|x| x.pos < pos);
        if let Some(same) = self.mentions[at..]
            .iter_mut()
            .take_while(|x| x.pos == pos)
            .find(|x| x.end == m.end)
        {
            // A cue's pronoun resolved again, now with the quotation's context: the later
            // reading stands.
            *same = m;
        } else if self.mentions.last().is_none_or(|l| l.pos <= pos) {
            self.mentions.push(m);
        } else {
            let at = self.mentions.partition_point(|x| x.pos <= pos);
            self.mentions.insert(at, m);
        }
    }

    /// The person whose full name starts with `first` (a single capitalised word), when exactly
    /// one does.
    pub fn known_first(&self, first: &str) -> Option<usize> {
        match self.by_first.get(first)?.as_slice() {
            [id] => Some(*id),
            _ => None,
        }
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
            confirmed: false,
            votes: [0; 2],
            actor: false,
            age: None,
            nationality: None,
            first_owner: false,
        });
        self.by_name.insert(key, id);
        id
    }

    /// Makes `short` (an acronym) another name of entity `id`.
    pub fn alias(&mut self, short: &str, id: usize) {
        self.by_name.insert(short.to_lowercase(), id);
        if let Some(e) = self.entities.get_mut(id)
            && !e.forms.iter().any(|f| f == short)
        {
            e.forms.push(short.to_string());
        }
    }

    /// A single capitalised word that is the surname of a known person.
    pub fn known_surname(&self, word: &str) -> Option<usize> {
        self.by_last
            .get(strip_possessive(word))
            .and_then(|ids| ids.last().copied())
            .filter(|&id| !self.entities[id].actor || self.entities[id].confirmed)
    }

    /// Cheap test before [`Registry::by_role`]: could a role phrase start with `word`?
    pub fn may_start_role(&self, word: &str) -> bool {
        if self.role_starts.is_empty() {
            return false;
        }
        let mut buf = [0; 16];
        match lower(word, &mut buf) {
            "" => self.role_starts.contains(&word.to_lowercase()),
            w => self.role_starts.contains(w),
        }
    }

    /// A description (`the Tory leader`) that repeats a known person's role.
    pub fn by_role(&self, words: &[&str]) -> Option<usize> {
        let desc = strip_determiner(words);
        if desc.len() < 2 || !self.role_starts.contains(&desc[0].to_lowercase()) {
            return None;
        }
        self.roles.get(&desc.join(" ").to_lowercase()).copied()
    }

    /// The person a `he`/`she` at byte `pos` refers to. News English keeps the subject of the
    /// discourse in subject position (`Ann Roe said she would stay. "…," she said.`), so the
    /// nearest person mentioned as a subject since byte `min_pos` (the previous paragraph) wins
    /// over a nearer person in an object (`after the death of Tom Kay`); without one, the
    /// nearest person whose gender fits (or is not known yet). Only confirmed persons count
    /// when the article has any, and a possessive mention never does (`Trump’s wall. "…," he
    /// said` is about someone else).
    pub fn antecedent(&self, pos: usize, gender: Gender, min_pos: usize) -> Option<usize> {
        self.antecedent_in(pos, gender, min_pos, false, None)
    }

    /// The person mentioned as a subject since byte `min_pos` nearest before byte `pos`, as
    /// [`Registry::antecedent`] finds one; never a person only mentioned in an object.
    pub fn subject_antecedent(&self, pos: usize, min_pos: usize) -> Option<usize> {
        self.antecedent_in(pos, Gender::Unknown, min_pos, true, None)
    }

    fn antecedent_in(
        &self,
        pos: usize,
        gender: Gender,
        min_pos: usize,
        subject_only: bool,
        nationality: Option<&str>,
    ) -> Option<usize> {
        let end = self.mentions.partition_point(|m| m.pos < pos);
        let any_confirmed = self.any_confirmed;
        let agrees = |e: &Entity| {
            e.gender == gender || e.gender == Gender::Unknown || gender == Gender::Unknown
        };
        // A lone acting word is a candidate only where no known person could be meant:
        // `Saab has cut jobs.` after `Carl Ek said …` leaves `he` to Ek.
        // Looked at only when a lone word is met, and over as many mentions as the search.
        let known_near = || {
            self.mentions[..end]
                .iter()
                .rev()
                .take(24)
                .take_while(|m| m.pos >= min_pos)
                .any(|m| {
                    !m.weak && self.entities[m.entity].confirmed && agrees(&self.entities[m.entity])
                })
        };
        let fits = |m: &&Mention| {
            let g = self.entities[m.entity].gender;
            let e = &self.entities[m.entity];
            // An unnamed source (`a spokeswoman`) is only ever meant close by.
            !m.weak
                && (e.kind != SpeakerKind::Unnamed || m.pos >= min_pos)
                // `he` and `she` are people, never a body that spoke (`the Brookings
                // Institution says. … she says`).
                && (gender == Gender::Unknown || e.kind != SpeakerKind::Organisation)
                && (!any_confirmed
                    || e.confirmed
                    || (e.actor && m.subject && m.pos >= min_pos && !known_near()))
                && (g == gender || g == Gender::Unknown || gender == Gender::Unknown)
                && nationality.is_none_or(|k| e.nationality.as_deref().is_none_or(|n| n == k))
        };
        let mut nearest = None;
        for m in self.mentions[..end].iter().rev().take(24).filter(fits) {
            if m.subject && m.pos >= min_pos {
                return Some(m.entity);
            }
            if !subject_only {
                nearest = nearest.or(Some(m.entity));
            }
        }
        nearest
    }

    /// The two persons named as one subject just before byte `pos` (`Ann Roe and Tom Kay, who
    /// run the shop, said`), when the text between their names is `and`: what a `they said`
    /// means. Only since byte `min_pos`, and only when no one is mentioned after the pair.
    pub fn named_pair(&self, text: &str, pos: usize, min_pos: usize) -> Option<(usize, usize)> {
        let end = self.mentions.partition_point(|m| m.pos < pos);
        let [.., a, b] = &self.mentions[..end] else {
            return None;
        };
        let between = text.get(a.end..b.pos)?;
        (a.pos >= min_pos
            && b.subject
            && !a.weak
            && !b.weak
            && a.entity != b.entity
            && between.trim() == "and"
            && self.entities[a.entity].kind == SpeakerKind::Person
            && self.entities[b.entity].kind == SpeakerKind::Person)
            .then_some((a.entity, b.entity))
    }

    /// The body with a plural name (`the Liberal Democrats`, `the Tories`) named last since byte
    /// `min_pos`, when no person is mentioned after it: what a `they said` without a named pair
    /// means.
    pub fn plural_body(&self, pos: usize, min_pos: usize) -> Option<usize> {
        let end = self.org_mentions.partition_point(|m| m.pos < pos);
        let m = self.org_mentions[..end].iter().rev().find(|m| !m.weak)?;
        let after_person = self
            .mentions
            .iter()
            .rev()
            .take(8)
            .any(|p| p.pos > m.pos && p.pos < pos);
        let e = &self.entities[m.entity];
        let last = e.name.rsplit(' ').next().unwrap_or("");
        let plural = last.len() > 3
            && last.ends_with('s')
            && !last.ends_with("ss")
            && !last.ends_with("us")
            && !last.ends_with("is")
            && last.starts_with(char::is_uppercase);
        (m.pos >= min_pos && !after_person && plural && e.kind == SpeakerKind::Organisation)
            .then_some(m.entity)
    }

    /// The person mentioned last as a subject, at or after byte `min_pos` and before `pos`.
    pub fn subject_since(&self, pos: usize, min_pos: usize) -> Option<usize> {
        let end = self.mentions.partition_point(|m| m.pos < pos);
        self.mentions[..end]
            .iter()
            .rev()
            .take_while(|m| m.pos >= min_pos)
            .find(|m| {
                m.subject && !m.weak && (!self.any_confirmed || self.entities[m.entity].confirmed)
            })
            .map(|m| m.entity)
    }

    /// The unnamed source described last with the head noun `head` (`a justice official` for
    /// a later `the official`).
    pub fn unnamed_with_head(&self, head: &str) -> Option<usize> {
        self.entities
            .iter()
            .enumerate()
            .rev()
            .take(64)
            .find(|(_, e)| {
                e.kind == SpeakerKind::Unnamed
                    && e.name
                        .rsplit(' ')
                        .next()
                        .is_some_and(|w| w.eq_ignore_ascii_case(head))
            })
            .map(|(id, _)| id)
    }

    /// The person most recently mentioned whose role has the word `head` (`the professor` after
    /// `Guenther Schuh, a professor at RWTH Aachen`).
    pub fn by_role_word(&self, head: &str, desc: &[&str]) -> Option<usize> {
        // The recent mentions are mostly of a few people: each is asked once, and whether the
        // role has the word (most roles have not, and no role has none) before whether the
        // description fits it.
        let mut asked: Vec<usize> = Vec::with_capacity(40);
        self.mentions
            .iter()
            .rev()
            .take(40)
            .map(|m| m.entity)
            .find(|&id| {
                if asked.contains(&id) {
                    return false;
                }
                asked.push(id);
                self.entities[id].role.as_ref().is_some_and(|r| {
                    r.split(|c: char| !c.is_alphanumeric() && c != '-')
                        .any(|w| w.eq_ignore_ascii_case(head))
                }) && self.role_fits(id, desc)
            })
    }

    /// Whether the article gave person `id` the head noun of description `desc` under another
    /// capitalised qualifier than the description's (`Norfolk police chief Ann Roe` … `the
    /// Metropolitan police chief`; a role `Labour MP` … `the Tory MP`): the same office of
    /// another place or body is someone else's. Read from the role the article gave and from
    /// the words written just before each mention of the name (before byte `pos`). A
    /// description without a capitalised qualifier (`the police chief`) conflicts with no one.
    pub fn qualified_otherwise(&self, text: &str, id: usize, desc: &[&str], pos: usize) -> bool {
        let [mods @ .., head] = desc else {
            return false;
        };
        let bare = |w: &str| {
            w.trim_end_matches("'s")
                .trim_end_matches("’s")
                .trim_end_matches('\'')
                .to_lowercase()
        };
        let quals: Vec<String> = mods
            .iter()
            .filter(|w| w.starts_with(char::is_uppercase))
            .map(|w| bare(w))
            .collect();
        if quals.is_empty() {
            return false;
        }
        // The capitalised words of one premodified role ending in `head`; none when the role
        // does not end in it.
        let conflicts = |words: &[&str]| {
            let Some((last, before)) = words.split_last() else {
                return false;
            };
            if !last.eq_ignore_ascii_case(head) {
                return false;
            }
            let caps: Vec<String> = before
                .iter()
                .filter(|w| w.starts_with(char::is_uppercase))
                .map(|w| bare(w))
                .collect();
            !caps.is_empty() && !caps.iter().any(|c| quals.contains(c))
        };
        let e = &self.entities[id];
        if e.role.as_ref().is_some_and(|r| {
            let words: Vec<&str> = r.split(' ').collect();
            conflicts(&words)
        }) {
            return true;
        }
        self.mentions
            .iter()
            .filter(|m| m.entity == id && m.pos < pos)
            .any(|m| {
                let before = &text[..m.pos];
                let clause = before
                    .rfind(|c: char| ".,;:!?\"“”()\n".contains(c))
                    .map_or(before, |p| {
                        &before[p + before[p..].chars().next().map_or(1, char::len_utf8)..]
                    });
                // The premodifiers right before the name: capitalised words, and lower-case
                // ones the description has too (`police`); any other word ends them
                // (`games but Chairman Tom Kay`).
                let words: Vec<&str> = clause.split_whitespace().collect();
                let mut from = words.len().saturating_sub(1);
                while from > 0 && words.len() - from < 5 {
                    let w = words[from - 1];
                    let premod = if w.starts_with(char::is_uppercase) {
                        !is_capitalised_function_word(w)
                    } else {
                        mods.contains(&w)
                    };
                    if !premod {
                        break;
                    }
                    from -= 1;
                }
                conflicts(&words[from..])
            })
    }

    /// Whether description `desc` may name person `id` as far as its role goes: `the Foreign
    /// Secretary` is not the shadow foreign secretary, `the minister` not a former one; a
    /// modifier that changes what the role is must be in the description too.
    pub fn role_fits(&self, id: usize, desc: &[&str]) -> bool {
        self.entities[id].role.as_ref().is_none_or(|r| {
            r.split(' ')
                .all(|w| !changes_role(w) || desc.iter().any(|d| d.eq_ignore_ascii_case(w)))
        })
    }

    /// Marks person `id`, known so far only as a lone word acting, as a candidate antecedent.
    pub fn mark_actor(&mut self, id: usize) {
        if let Some(e) = self.entities.get_mut(id)
            && !e.confirmed
        {
            e.actor = true;
        }
    }

    /// A pronoun of `gender` refers to `id`: it tells the gender, and makes a lone acting word
    /// a person.
    pub fn take_up(&mut self, id: usize, gender: Gender) {
        if self
            .entities
            .get(id)
            .is_some_and(|e| e.actor && !e.confirmed)
        {
            self.confirm(id, gender);
        } else {
            self.confirm_gender(id, gender);
        }
    }

    /// Whether anyone who could speak is mentioned from byte `lo` up to byte `hi`: a person or
    /// an unnamed source anywhere, a body as a subject (`For cities like Ottawa` names no
    /// speaker).
    pub fn mentions_anyone(&self, lo: usize, hi: usize) -> bool {
        let people = self.mentions.partition_point(|m| m.pos < lo);
        let bodies = self.org_mentions.partition_point(|m| m.pos < lo);
        self.mentions.get(people).is_some_and(|m| m.pos < hi)
            || self.org_mentions[bodies..]
                .iter()
                .take_while(|m| m.pos < hi)
                .any(|m| m.subject)
    }

    /// Makes every mention from byte `pos` on one that no pronoun or description looks back
    /// to: the names stay known (`Layne says` later is the man a caption named), but a
    /// caption is not the story, and its people are not who the story's next `he` means.
    pub fn set_aside_since(&mut self, pos: usize) {
        let from = self.mentions.partition_point(|m| m.pos < pos);
        for m in &mut self.mentions[from..] {
            m.weak = true;
            m.subject = false;
        }
    }

    /// The person mentioned most recently by a title of the peerage (`Lord Dubs`, `Baroness
    /// Kay`) before byte `pos`: who `the peer` or `the Labour peer` is.
    pub fn last_peer(&self, pos: usize) -> Option<usize> {
        self.mentions
            .iter()
            .rev()
            .filter(|m| m.pos < pos)
            .take(40)
            .map(|m| m.entity)
            .find(|&id| {
                let name = &self.entities[id].name;
                ["Lord ", "Baroness ", "Lady ", "Viscount ", "Earl "]
                    .iter()
                    .any(|t| name.starts_with(t))
            })
    }

    /// The person mentioned most recently with the age a description gives (`39-year-old`).
    pub fn by_age_word(&self, word: &str) -> Option<usize> {
        let age: u16 = word.strip_suffix("-year-old")?.parse().ok()?;
        self.mentions
            .iter()
            .rev()
            .take(60)
            .map(|m| m.entity)
            .find(|&id| self.entities[id].age == Some(age))
    }

    /// The person a description by nationality (`the Swiss star`, `the Australian`) at byte
    /// `pos` means: the one most recently mentioned whom the article gave that nationality
    /// (`American Robby Ginepri`); else a person named earlier in the same sentence, which
    /// starts at byte `sentence` (`When Lleyton Hewitt shook his hand, the Australian said`);
    /// else the person a `he` there would mean ([`Registry::antecedent`]). Never a person the
    /// article gave another nationality: `the Swiss star` after `American Tom Lind` is not Lind.
    pub fn by_nationality(
        &self,
        pos: usize,
        nationality: &str,
        sentence: usize,
        min_pos: usize,
    ) -> Option<usize> {
        let key = nationality_key(nationality)?;
        let end = self.mentions.partition_point(|m| m.pos < pos);
        let recent = || {
            self.mentions[..end]
                .iter()
                .rev()
                .take(40)
                .filter(|m| !m.weak && self.entities[m.entity].kind == SpeakerKind::Person)
        };
        // A nationality given is evidence enough of a person; without one, only persons the
        // text confirmed count, as for a pronoun.
        recent()
            .find(|m| self.entities[m.entity].nationality.as_deref() == Some(key))
            .or_else(|| {
                recent().take_while(|m| m.pos >= sentence).find(|m| {
                    let e = &self.entities[m.entity];
                    e.nationality.is_none() && (e.confirmed || !self.any_confirmed)
                })
            })
            .map(|m| m.entity)
            .or_else(|| self.antecedent_in(pos, Gender::Unknown, min_pos, false, Some(key)))
    }

    /// Records that person `id` is of `nationality` (the first the article gives stands).
    pub fn give_nationality(&mut self, id: usize, nationality: &str) {
        if let Some(e) = self.entities.get_mut(id)
            && e.nationality.is_none()
        {
            e.nationality = nationality_key(nationality).map(Box::from);
        }
    }

    /// Counts a pronoun that refers to person `id` towards its gender.
    pub fn confirm_gender(&mut self, id: usize, gender: Gender) {
        if let Some(e) = self.entities.get_mut(id) {
            e.vote(gender, 1);
        }
    }

    /// Records a mention of the body named `name` at `range`.
    /// A possessive mention (`the Globe’s questions`) is `weak`: the body is talked about, so a
    /// later `it said` does not look at it.
    /// `subject`: the mention opens its sentence (`The IMF said`).
    pub fn org_mention(
        &mut self,
        range: Range<usize>,
        name: &str,
        weak: bool,
        subject: bool,
    ) -> usize {
        let id = self.body(name, SpeakerKind::Organisation);
        let m = Mention {
            pos: range.start,
            end: range.end,
            entity: id,
            subject: subject && !weak,
            weak,
        };
        let at = self.org_mentions.partition_point(|x| x.pos <= m.pos);
        self.org_mentions.insert(at, m);
        id
    }

    /// Records a mention at `range` of the known body `id` (`the company` standing for Acme).
    pub fn org_mention_of(&mut self, range: Range<usize>, id: usize, subject: bool) {
        let m = Mention {
            pos: range.start,
            end: range.end,
            entity: id,
            subject,
            weak: false,
        };
        let at = self.org_mentions.partition_point(|x| x.pos <= m.pos);
        self.org_mentions.insert(at, m);
    }

    /// The bodies mentioned before byte `pos`, the latest first, among the last 24 mentions
    /// (weak ones left out): what a `the company` or an `it` can refer back to.
    fn recent_orgs(&self, pos: usize) -> impl Iterator<Item = usize> + '_ {
        let end = self.org_mentions.partition_point(|m| m.pos < pos);
        self.org_mentions[..end]
            .iter()
            .rev()
            .take(24)
            .filter(|m| !m.weak)
            .map(|m| m.entity)
            .filter(|&id| self.entities[id].kind == SpeakerKind::Organisation)
    }

    /// The body most recently mentioned before byte `pos`.
    pub fn last_org(&self, pos: usize) -> Option<usize> {
        self.recent_orgs(pos).next()
    }

    /// The body a definite `the <noun>` (`the company`, `the committee`) stands for: the body
    /// named last, but for a noun that names a kind of institution, the last body whose name
    /// has that noun (`the Commons Defence Committee` for `the committee`, never `the Arts
    /// Council`) or, for kinds that often go by a bare name, the last body whose name says it
    /// is no other kind of institution (`Chelsea` for `the club`).
    /// The organisation the article named `name`, or whose name opens with it as an owner
    /// (`Google` for `Google's security team`), the latest first.
    pub fn org_named(&self, name: &str) -> Option<usize> {
        let name = strip_possessive(name);
        self.entities.iter().rposition(|e| {
            e.kind == SpeakerKind::Organisation
                && e.forms.iter().any(|f| {
                    f == name
                        || f.strip_prefix(name).is_some_and(|rest| {
                            rest.starts_with("'s ") || rest.starts_with("\u{2019}s ")
                        })
                })
        })
    }

    pub fn last_org_like(&self, pos: usize, head: &str) -> Option<usize> {
        let head = head.to_lowercase();
        if matches!(head.as_str(), "team" | "club" | "franchise")
            && let Some(id) = self.recent_orgs(pos).find(|&id| {
                let words: Vec<&str> = self.entities[id].name.split(' ').collect();
                is_team_name(&words)
            })
        {
            // `the team said`: the team the article named last, not the broadcaster or the
            // league named after it.
            return Some(id);
        }
        if !is_institution_noun(&head) {
            return self.last_org(pos);
        }
        let recent = || self.recent_orgs(pos);
        let words = |id: usize| {
            self.entities[id]
                .name
                .split(' ')
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        };
        // The government speaks through its ministries, departments and offices.
        let own = [head.as_str()];
        let family: &[&str] = if head == "government" {
            &[
                "government",
                "ministry",
                "department",
                "office",
                "executive",
            ]
        } else {
            &own
        };
        // Clubs, parties, banks and unions often go by a bare name (`Chelsea`, `Labour`).
        let bare = matches!(
            head.as_str(),
            "club" | "party" | "bank" | "union" | "league" | "church"
        );
        recent()
            .find(|&id| words(id).iter().any(|w| family.contains(&w.as_str())))
            .or_else(|| {
                bare.then(|| recent().find(|&id| !words(id).iter().any(|w| is_institution_noun(w))))
                    .flatten()
            })
    }

    /// The lone capitalised subject (see `lone_subjects`) last before byte `pos` that is no
    /// person the article names: what `the company` means when the article registered no body.
    pub fn last_lone_subject(&self, pos: usize) -> Option<&str> {
        let end = self.lone_subjects.partition_point(|(p, _)| *p < pos);
        self.lone_subjects[..end]
            .iter()
            .rev()
            .map(|(_, w)| w.as_str())
            .find(|w| self.known_surname(w).is_none() && self.known_first(w).is_none())
    }

    /// Where the body mentioned last before byte `pos` was mentioned (see `recent_orgs`).
    pub fn last_org_pos(&self, pos: usize) -> Option<usize> {
        let end = self.org_mentions.partition_point(|m| m.pos < pos);
        self.org_mentions[..end]
            .iter()
            .rev()
            .take(24)
            .find(|m| !m.weak && self.entities[m.entity].kind == SpeakerKind::Organisation)
            .map(|m| m.pos)
    }

    /// [`Self::last_lone_subject`] with its byte offset, when it came after every body the
    /// article named before `pos`: `Atlantic.Net … Google said Thursday … the company said`
    /// means Google, the business that acted last, not the body named before it.
    pub fn lone_subject_after_orgs(&self, pos: usize) -> Option<&str> {
        let end = self.lone_subjects.partition_point(|(p, _)| *p < pos);
        let (at, name) = self.lone_subjects[..end]
            .iter()
            .rev()
            .find(|(_, w)| self.known_surname(w).is_none() && self.known_first(w).is_none())?;
        self.last_org_pos(pos)
            .is_none_or(|o| o < *at)
            .then_some(name.as_str())
    }

    /// The body that was last the subject of a sentence (`The IMF said …`) before byte `pos`
    /// and at or after `min_pos`: what a later `the report` most likely comes from.
    pub fn subject_org_since(&self, pos: usize, min_pos: usize) -> Option<usize> {
        let end = self.org_mentions.partition_point(|m| m.pos < pos);
        self.org_mentions[..end]
            .iter()
            .rev()
            .take_while(|m| m.pos >= min_pos)
            .filter(|m| m.subject)
            .map(|m| m.entity)
            .find(|&id| self.entities[id].kind == SpeakerKind::Organisation)
    }

    /// What a speaking `it` at byte `pos` stands for. English takes up with `it` the body
    /// the passage is about: the one that was the subject of a verb in the sentence before or
    /// in the cue's own sentence (`The EU sought to allay fears. It added …`); else the body
    /// that last spoke since byte `min_pos` (`Acme said …. Sales fell in Europe. It added`);
    /// else the body named last. A body named only inside a phrase (`sales in Europe`, `head
    /// of the Airlines Association`) is not what the passage is about.
    pub fn it_antecedent(&mut self, text: &str, pos: usize, min_pos: usize) -> Option<usize> {
        let end = self.org_mentions.partition_point(|m| m.pos < pos);
        let recent =
            || {
                self.org_mentions[..end].iter().rev().take(24).filter(|m| {
                    !m.weak && self.entities[m.entity].kind == SpeakerKind::Organisation
                })
            };
        // The sentence before the cue's, and before that while a sentence goes on with `it`
        // (`Acme could face a fine. Last week, it denied …. "…," it said.`).
        let mut from = sentence_start(text, pos);
        for _ in 0..3 {
            let before = sentence_start(text, from.saturating_sub(1));
            let acting = recent()
                .skip_while(|m| m.pos >= from)
                .take_while(|m| m.pos >= before)
                .any(|m| acts_at(text, m.end));
            let goes_on = text[before..from].match_indices(['i', 'I']).any(|(k, _)| {
                let at = before + k;
                (text[at..].starts_with("it ") || text[at..].starts_with("It "))
                    && (at == 0 || !text.as_bytes()[at - 1].is_ascii_alphanumeric())
                    && acts_at(text, at + 2)
            });
            from = before;
            if acting || !goes_on || before == 0 {
                break;
            }
        }
        // A business named alone as its sentence's subject (`Wimpey said`, `Sony has said`)
        // is a body too, though nothing else marked it as one.
        let lone_end = self.lone_subjects.partition_point(|(p, _)| *p < pos);
        let lone = |lo: usize, speaking: bool| {
            self.lone_subjects[..lone_end]
                .iter()
                .rev()
                .take_while(|(p, _)| *p >= lo)
                .filter(|(p, w)| !speaking || speaks_at(text, *p, *p + w.len()))
                .find(|(_, w)| {
                    !matches!(w.as_str(), "There" | "Here")
                        && self.known_surname(w).is_none()
                        && self.known_first(w).is_none()
                })
                .map(|(p, w)| (*p, w.clone()))
        };
        let body = |lo: usize, speaking: bool| {
            recent()
                .take_while(|m| m.pos >= lo)
                .find(|m| {
                    if speaking {
                        speaks_at(text, m.pos, m.end)
                    } else {
                        acts_at(text, m.end)
                    }
                })
                .map(|m| (m.pos, m.entity))
        };
        for (lo, speaking) in [(from, false), (min_pos.min(from), true)] {
            match (body(lo, speaking), lone(lo, speaking)) {
                (Some((at, id)), Some((lone_at, _))) if at > lone_at => return Some(id),
                (_, Some((_, name))) => return Some(self.body(&name, SpeakerKind::Organisation)),
                (Some((_, id)), None) => return Some(id),
                (None, None) => {}
            }
        }
        self.last_org(pos)
    }

    /// The first body mentioned from byte `lo` up to byte `hi`, possessives included.
    pub fn first_org_between(&self, lo: usize, hi: usize) -> Option<usize> {
        let start = self.org_mentions.partition_point(|m| m.pos < lo);
        self.org_mentions[start..]
            .iter()
            .take_while(|m| m.pos < hi)
            .map(|m| m.entity)
            .find(|&id| self.entities[id].kind == SpeakerKind::Organisation)
    }

    /// Marks person `id` as certainly a person, and its gender when the text shows it.
    pub fn confirm(&mut self, id: usize, gender: Gender) {
        if let Some(e) = self.entities.get_mut(id) {
            e.confirmed = true;
            self.any_confirmed = true;
            e.vote(gender, 1);
        }
    }
}

/// The words of [`is_institution_noun`].
static INSTITUTION_NOUNS: WordSet = WordSet::new(&[
    "committee",
    "council",
    "commission",
    "bank",
    "party",
    "court",
    "union",
    "board",
    "ministry",
    "department",
    "university",
    "college",
    "school",
    "hospital",
    "police",
    "office",
    "association",
    "institute",
    "foundation",
    "league",
    "club",
    "government",
    "authority",
    "army",
    "church",
    "parliament",
    "alliance",
]);

/// Whether a capitalised run names a sports team the way North American news does: a place
/// or sponsor and a plural nickname (`Toronto Raptors`, `Maple Leafs`, `Canadiens`). Only
/// meaningful after `the` (`the Toronto Raptors`), where a person's name does not stand; a
/// nationality in the plural (`the Canadians`) or a family (`the Smiths`, with a given name
/// nowhere) is left to other rules by the caller.
pub(super) fn is_team_name(words: &[&str]) -> bool {
    let Some(last) = words.last() else {
        return false;
    };
    let Some(stem) = last.strip_suffix('s') else {
        return false;
    };
    words.iter().all(|w| is_capitalised(w) && !is_possessive(w))
        && stem.len() >= 3
        && !stem.ends_with(['s', 'u', 'i', '\''])
        && last.chars().skip(1).all(|c| c.is_lowercase())
        && !is_body_word(last)
        && !is_nationality(last)
        && !is_nationality(stem)
        && !matches!(
            *last,
            "Democrats"
                | "Republicans"
                | "Liberals"
                | "Conservatives"
                | "Tories"
                | "Dems"
                | "Greens"
                | "Affairs"
                | "Forces"
                | "Services"
                | "Nations"
                | "States"
                | "Islands"
                | "Territories"
                | "Awards"
                | "Games"
                | "Olympics"
                | "Sports"
                | "Works"
                | "Resources"
                | "Communications"
                | "Systems"
                | "Technologies"
                | "Industries"
                | "Holdings"
                | "Airlines"
                | "Products"
                | "Foods"
                | "Motors"
                | "Mines"
                | "Partners"
                | "Relations"
                | "Studies"
                | "Sciences"
                | "Rights"
                | "Veterans"
                | "Lands"
                | "Philippines"
                | "Netherlands"
                | "Bahamas"
                | "Maldives"
                | "Prairies"
                | "Maritimes"
                | "Rockies"
                | "Americas"
                | "Highlands"
                | "Midlands"
                | "Commons"
                | "Lords"
                // A holiday is a time (`over the Christmas weekend`), not a team.
                | "Christmas"
                | "Xmas"
        )
}

/// Lower-case nouns for a kind of institution, which a body's name often carries (`Arts
/// Council`, `Defence Committee`).
pub(super) fn is_institution_noun(word: &str) -> bool {
    INSTITUTION_NOUNS.contains(word)
}

/// Where the sentence holding byte `pos` starts: after the last `.`, `!` or `?` (a closing
/// quotation mark or bracket may follow it) before a space, or after a line break.
fn sentence_start(text: &str, pos: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = pos.min(bytes.len());
    while i > 0 {
        let c = bytes[i - 1];
        if c == b'\n' {
            return i;
        }
        if c.is_ascii_whitespace() {
            let mut k = i - 1;
            while k > 0 && matches!(bytes[k - 1], b'"' | b'\'' | b')') {
                k -= 1;
            }
            if k > 0 && matches!(bytes[k - 1], b'.' | b'!' | b'?') {
                return i;
            }
        }
        i -= 1;
    }
    0
}

/// Whether a finite verb follows the name ending at byte `end` (`Acme said`, `Acme has
/// ignored`, `Acme could face`, `Acme sought`): the name is the subject of its clause. A
/// bracketed acronym after the name is skipped (`the Office of Fair Trading (OFT) said`).
fn acts_at(text: &str, end: usize) -> bool {
    let mut words = text[end..]
        .split_whitespace()
        .skip_while(|w| w.starts_with('(') && w.ends_with(')'))
        .peekable();
    // `The Tories and Lib Dems have tabled`: a body coordinated with another.
    if words.next_if_eq(&"and").is_some() {
        while words
            .next_if(|w| w.starts_with(char::is_uppercase))
            .is_some()
        {}
    }
    let Some(w) = words.next() else {
        return false;
    };
    if w.ends_with([',', '.', ';', ':']) || !w.starts_with(char::is_lowercase) {
        return false;
    }
    matches!(
        w,
        "has"
            | "have"
            | "had"
            | "is"
            | "was"
            | "are"
            | "were"
            | "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "should"
            | "must"
            | "did"
            | "does"
            | "also"
    ) || super::attribution::SAY_VERBS.contains(w)
        || (w.len() > 4 && w.ends_with("ed"))
}

/// Whether the name at bytes `start..end` is the subject of a verb of saying, after it
/// (`Acme said`, `Acme has also said`) or before it (`said Acme`, `said the ministry`).
fn speaks_at(text: &str, start: usize, end: usize) -> bool {
    let is_say =
        |w: &str| super::attribution::SAY_VERBS.contains(w.trim_end_matches([',', '.', ':']));
    let after = text[end..]
        .split_whitespace()
        .skip_while(|w| w.starts_with('(') && w.ends_with(')'))
        .take(3)
        .find(|w| !matches!(*w, "has" | "have" | "had" | "also" | "later" | "then"));
    let mut before = text[..start].split_whitespace().rev();
    let before = match before.next() {
        Some(w) if is_determiner(w) => before.next(),
        w => w,
    };
    after.is_some_and(is_say) || before.is_some_and(|w| !w.ends_with([',', '.']) && is_say(w))
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
        assert_eq!(split("Home Office"), None);
        // Three name words after a lower-case role or a title, or opening the phrase; a body
        // or nationality before two name words is no part of the name.
        assert_eq!(
            split("accountant Ama Osei Boateng"),
            Some(("accountant".into(), "Ama Osei Boateng".into()))
        );
        assert_eq!(
            split("Dr Ana Ruiz Ortega"),
            Some(("".into(), "Ana Ruiz Ortega".into()))
        );
        assert_eq!(
            split("Chancellor of the Exchequer Tom Kay"),
            Some(("Chancellor of the Exchequer".into(), "Tom Kay".into()))
        );
        assert_eq!(
            split("Labour Tony Blair"),
            Some(("Labour".into(), "Tony Blair".into()))
        );
        assert_eq!(
            split("NATO Jens Stoltenberg"),
            Some(("NATO".into(), "Jens Stoltenberg".into()))
        );
        // A compound ending in a participle describes; a name's own hyphen stays.
        assert_eq!(
            split("Oscar-nominated Owen"),
            Some(("Oscar-nominated".into(), "Owen".into()))
        );
        assert_eq!(
            split("Man-of-the-match Duff"),
            Some(("Man-of-the-match".into(), "Duff".into()))
        );
        assert_eq!(
            split("Chung Mong-koo"),
            Some(("".into(), "Chung Mong-koo".into()))
        );
        assert_eq!(
            split("Kay Lind-Roberts"),
            Some(("".into(), "Kay Lind-Roberts".into()))
        );
    }

    #[test]
    fn three_part_names_keep_the_first_name() {
        let opening = |s: &str| {
            let words: Vec<&str> = s.split(' ').collect();
            split_name_opening(&words, true).map(|sp| (sp.role.join(" "), sp.name.join(" ")))
        };
        assert_eq!(
            opening("Teenager Ana Ruiz"),
            Some(("Teenager".into(), "Ana Ruiz".into()))
        );
        assert_eq!(
            opening("Marisol Vega Ortiz"),
            Some(("Marisol".into(), "Vega Ortiz".into()))
        );
        assert_eq!(
            opening("Peter Vega Ortiz"),
            Some(("".into(), "Peter Vega Ortiz".into()))
        );
        assert_eq!(
            split("Vice-President Li Wen"),
            Some(("Vice-President".into(), "Li Wen".into()))
        );
        assert_eq!(
            split("Lib Dem Ola Berg"),
            Some(("Lib Dem".into(), "Ola Berg".into()))
        );
        assert_eq!(
            split("Americans Rob Kane"),
            Some(("Americans".into(), "Rob Kane".into()))
        );
        assert_eq!(
            split("Representative Marisol Vega Ortiz"),
            Some(("Representative".into(), "Marisol Vega Ortiz".into()))
        );
        // What the person is from is no part of the name.
        assert_eq!(
            split("German Hanna Weber"),
            Some(("German".into(), "Hanna Weber".into()))
        );
        assert_eq!(
            split("NDP Karin Olsen"),
            Some(("NDP".into(), "Karin Olsen".into()))
        );
        assert_eq!(
            split("Halifax Peter Doyle"),
            Some(("Halifax".into(), "Peter Doyle".into()))
        );
    }

    #[test]
    fn aliases_merge_into_the_fullest_name() {
        let mut r = Registry::default();
        let w1 = ["Lavrov"];
        let a = r.person(&split_name(&w1).unwrap(), Some((0..1, true)));
        let w2 = ["Russian", "Foreign", "Minister", "Sergey", "Lavrov"];
        let b = r.person(&split_name(&w2).unwrap(), Some((10..11, true)));
        let w3 = ["Mr", "Lavrov"];
        let c = r.person(&split_name(&w3).unwrap(), Some((20..21, true)));
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
