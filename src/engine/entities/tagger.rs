//! Name finder: the learned tagger ([`super::perceptron`]) followed by document-level passes that
//! make the document agree with itself (the same string gets the same type; a surname alone is the
//! person named in full elsewhere; a lower-cased "white house" is the White House named elsewhere).

use super::features::{spans_from_tags, DocFeats, HashKeyed, WordIds, TYPES};
use super::{gazetteer, perceptron, Candidate};
use crate::hash::FxMap;
use crate::model::Label;
use crate::text::{listed, Doc, TokenKind, WordList};

/// A name span over tokens.
#[derive(Debug, Clone, Copy)]
struct Span {
    first: usize,
    end: usize,
    ty: usize,
    conf: f32,
    rule: &'static str,
}

/// Finds names and types them; also returns the document's words as numbered on the way.
pub fn tag(doc: &Doc) -> (Vec<Candidate>, WordIds) {
    let Some(model) = perceptron::shipped() else {
        return (Vec::new(), WordIds::of(doc));
    };
    let df = DocFeats::new(doc, gazetteer::shipped());
    let (tags, margins) = perceptron::tag(model, &df);
    let mut spans: Vec<Span> = spans_from_tags(&tags)
        .into_iter()
        .filter_map(|(a, b, ty)| {
            let m = margins[a..b].iter().copied().fold(f32::INFINITY, f32::min);
            let span = Span {
                first: a,
                end: b,
                ty,
                conf: confidence(m),
                rule: "model",
            };
            trim(doc, span)
        })
        .collect();
    split_at_periods(doc, &mut spans);
    join_adjacent(doc, &mut spans);
    join_at_particles(doc, &df, &mut spans);
    split_at_verbs(doc, &mut spans);
    extend_institutions(doc, &mut spans);
    legal_forms(doc, &mut spans);
    extend_to_heads(doc, &mut spans);
    // (Again: a name just extended to its institution's word may go on through "of" — "University
    // of Miami Miller School" + "of Medicine".)
    extend_institutions(doc, &mut spans);
    split_runs(doc, &df, &mut spans);
    split_at_titles(doc, &mut spans);
    constituencies(doc, &mut spans);
    extend_initials(doc, &mut spans);
    split_group_before_person(doc, &df, &mut spans);
    split_person_after_role(doc, &df, &mut spans);
    split_company_of_place(doc, &mut spans);
    general_companies(doc, &mut spans);
    strip_titles(doc, &mut spans);
    references(doc, &mut spans);
    drop_bare_titles(doc, &mut spans);
    cue_types(doc, &df, &mut spans);
    datelines(doc, &mut spans);
    party_tags(doc, &mut spans);
    bylines(doc, &mut spans);
    coordinated_people(doc, &mut spans);
    listed_places(doc, &df, &mut spans);
    possessive_ends(doc, &mut spans);
    possessive_starts(doc, &df, &mut spans);
    platform_tails(doc, &mut spans);
    split_coordinated(doc, &df, &mut spans);
    longer_forms(doc, &mut spans);
    agree_on_types(doc, &mut spans);
    products(doc, &mut spans);
    surname_places(doc, &df, &mut spans);
    surnames(doc, &mut spans);
    titled_surnames(doc, &df, &mut spans);
    after_title_abbreviations(doc, &mut spans);
    company_short_names(doc, &df, &mut spans);
    title_case_lines(doc, &df, &mut spans);
    repeat_missed(doc, &df, &mut spans);
    lower_case_places(doc, &df, &mut spans);
    missed_known_orgs(doc, &mut spans);
    title_references(doc, &mut spans);
    planets(doc, &mut spans);
    crate::sort::sort_by_u64_key(&mut spans, |s| s.first as u64);
    known_org_heads(doc, &mut spans);
    let names = spans
        .into_iter()
        // A name has a letter: in a table of figures the model can read "642,771" as one.
        .filter(|s| span_text(doc, s).chars().any(char::is_alphabetic))
        // ... and a word that is not a function word or a greeting: a capitalised "The" or "You"
        // opening a title or a sentence, "Thanks" before a signature, is no entity ("US" and
        // "IT", in capitals, stay).
        .filter(|s| {
            !(s.first..s.end).all(|i| {
                doc.tokens[i].kind == TokenKind::Punct
                    || is_function_word(doc.tok(i))
                    || never_alone(doc.tok(i))
            })
        })
        // ... nor an adverb that opens a sentence ("Early in his campaign, …" was a person) ...
        .filter(|s| !(s.end - s.first == 1 && listed(&OPENING_ADVERBS, doc.tok(s.first))))
        // ... nor a verb giving an order ("See attached file", "Take a look") ...
        .filter(|s| !imperative(doc, s))
        // ... nor is a common noun's acronym ("TV", "DNA", "GPS") ...
        .filter(|s| !(s.end - s.first == 1 && common_acronym(doc.tok(s.first))))
        // ... nor has a contraction ("Don't" opening a sentence: "Don" is a first name).
        .filter(|s| !(s.first..s.end).any(|i| contraction(doc.tok(i))))
        .filter(|s| {
            s.rule == TITLE_REFERENCE
                || !common_word(doc, &df, s) && !file_name(doc, s) && !title_case_run(doc, s)
        })
        // ... nor, as a miscellaneous name, one month or ordinal word ("May", "Second" of a
        // headline's "Second Test").
        .filter(|s| !month_or_ordinal(doc, s))
        // ... nor a review's verdict ("Great Service", "Best Cigar lounge", "WONDERFUL service") ...
        .filter(|s| !verdict(doc, s))
        // ... nor an honorific's abbreviation alone ("Dr" of "Dr Mcdonald", repeated from a
        // shouted "DR"; "Judge" may be Aaron Judge, and "Rep" Johnny Rep when the document
        // names him so).
        .filter(|s| {
            !(s.end - s.first == 1
                && s.rule != "doc:surname"
                && honorific_abbreviation(doc.tok(s.first)))
        })
        .map(|s| Candidate {
            start: doc.tokens[s.first].start,
            end: doc.tokens[s.end - 1].end,
            label: TYPES[s.ty],
            rule: s.rule,
            confidence: s.conf.min(1.0),
            value: None,
        })
        .collect();
    (names, df.words)
}

/// The rule of a capitalised title that stands for its holder.
pub(crate) const TITLE_REFERENCE: &str = "rule:title-reference";

/// Titles that formal text capitalises when they stand for the person holding them ("the
/// Secretary signed", "the Prince is married", "Mr. President, …"); a first word of a two-word
/// title ("Chief Justice", "Prime Minister") is listed with [`TITLE_FIRSTS`].
#[rustfmt::skip]
const REFERRING_TITLES: WordList = WordList::new(&[
    "ambassador", "archbishop", "bishop", "chairman", "chairwoman", "chancellor", "commissioner",
    "director", "duchess", "duke", "emir", "emperor", "empress", "general", "governor", "judge",
    "king", "mayor", "minister", "pope", "premier", "president", "prince", "princess",
    "queen", "regent", "secretary", "senator", "speaker", "sultan",
]);

/// First words of two-word titles ("Chief Justice", "Prime Minister", "Vice President").
const TITLE_FIRSTS: WordList = WordList::new(&["attorney", "chief", "prime", "solicitor", "vice"]);

/// A capitalised title standing for its holder is a person's name, as formal text writes it:
/// after "the" or "this", the title ("the Secretary's interpretation", "this President"); after
/// "Mr." or "Madam", with it ("Madam Speaker", "Mr. President": only titles that are no
/// surnames, so not "Mr. King"). Not before a capitalised word, a hyphen, "of" or "for", nor
/// inside a longer name ("the President Joe Biden", "the Secretary-General", "the Minister of
/// Finance", "the Queen's Speech"), nor when the document names a person by the word ("Charlie
/// King"). On GUM train, which no rule was fitted to, 17 names right and 1 wrong; CoNLL-2003 has
/// none of them on dev and 5 on train, none a person there.
#[inline(never)]
fn title_references(doc: &Doc, spans: &mut Vec<Span>) {
    const VOCATIVE: WordList = WordList::new(&[
        "ambassador",
        "chairman",
        "chairwoman",
        "chancellor",
        "commissioner",
        "president",
        "secretary",
        "speaker",
    ]);
    let n = doc.tokens.len();
    let honorific = |w: &str| matches!(w, "Mr" | "Mr." | "Madam" | "Madame" | "Mister");
    // The phrases' token ranges, before the spans are looked at (most texts have none).
    let mut phrases = Vec::new();
    let mut i = 0;
    while i + 1 < n {
        // Cheap tests first (this runs on every token): a capitalised word or a dot follows, and
        // the token could be one of the words below.
        let (tk, next) = (&doc.tokens[i], &doc.tokens[i + 1]);
        let first = doc.text.as_bytes()[tk.start];
        if !(next.cap || next.kind == TokenKind::Punct)
            || !(2..=6).contains(&(tk.end - tk.start))
            || !matches!(first, b't' | b'T' | b'M')
        {
            i += 1;
            continue;
        }
        let det = doc.tok(i);
        let article = det.eq_ignore_ascii_case("the") || det.eq_ignore_ascii_case("this");
        let honorific = honorific(det);
        // Inside a title-case run, a work's title ("The Return Of the King").
        let in_title = i > 0 && {
            let p = &doc.tokens[i - 1];
            p.cap
                && p.kind == TokenKind::Word
                && p.sentence == doc.tokens[i].sentence
                && doc.sentences[p.sentence as usize].first != i - 1
        };
        if !(article || honorific) || in_title {
            i += 1;
            continue;
        }
        // "Mr" then its dot as a token of its own.
        let mut t = i + 1;
        if det == "Mr" && doc.tok(t) == "." {
            t += 1;
        }
        if t >= n {
            break;
        }
        let title = |k: usize| {
            doc.tokens.get(k).is_some_and(|tk| {
                tk.cap && !tk.all_caps && tk.space_before && listed(&REFERRING_TITLES, doc.tok(k))
            })
        };
        // ("Justice" alone is also the Justice Department's: only "Chief Justice".)
        let two = doc.tokens.get(t).is_some_and(|tk| tk.cap)
            && listed(&TITLE_FIRSTS, doc.tok(t))
            && (title(t + 1)
                || doc
                    .tokens
                    .get(t + 1)
                    .is_some_and(|tk| tk.cap && tk.space_before)
                    && doc.tok(t + 1) == "Justice");
        let end = if two { t + 2 } else { t + 1 };
        let last = doc.tok(end - 1);
        if !(two || title(t)) || honorific && !two && !listed(&VOCATIVE, last) {
            i += 1;
            continue;
        }
        let free = doc.tokens.get(end).is_none_or(|nx| {
            let w = doc.tok(end);
            let word = nx.kind != TokenKind::Punct;
            let possessive_name = w.len() > 1
                && (w.ends_with("'s") || w.ends_with("’s"))
                && doc
                    .tokens
                    .get(end + 1)
                    .is_some_and(|a| a.cap && a.kind == TokenKind::Word);
            !(possessive_name
                || word && nx.cap && w != "'s" && w != "’s"
                || !nx.space_before && w == "-"
                || w == "of"
                || w == "for")
        });
        if free {
            phrases.push((if honorific { i } else { t }, end));
        }
        i = end;
    }
    if phrases.is_empty() {
        return;
    }
    // The span covering each token (+1; 0 for none).
    let mut owner = vec![0u32; n];
    for (k, s) in spans.iter().enumerate() {
        for o in &mut owner[s.first.min(n)..s.end.min(n)] {
            *o = k as u32 + 1;
        }
    }
    // The last words of people's names ("King" of "Charlie King"; not of "Madam Speaker").
    let surnames: crate::hash::FxSet<&str> = spans
        .iter()
        .filter(|s| TYPES[s.ty] == Label::PER && s.end - s.first >= 2)
        .filter(|s| !honorific(doc.tok(s.first)))
        .map(|s| doc.tok(s.end - 1))
        .collect();
    let mut found = Vec::new();
    let mut drop = vec![false; spans.len()];
    for (first, end) in phrases {
        // Spans over these tokens must lie inside them.
        let inside = owner[first..end].iter().all(|&o| {
            o == 0 || {
                let s = &spans[o as usize - 1];
                s.first >= first && s.end <= end
            }
        });
        if inside && !surnames.contains(doc.tok(end - 1)) {
            for &o in &owner[first..end] {
                if o > 0 {
                    drop[o as usize - 1] = true;
                }
            }
            found.push(Span {
                first,
                end,
                ty: 0,
                conf: 0.7,
                rule: TITLE_REFERENCE,
            });
        }
    }
    let mut k = 0;
    spans.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
    spans.extend(found);
}

/// Words of praise and blame that open reviews' titles and verdicts ("Great Service", "Best
/// YET!", "Poor Service After …"), which the tagger reads as organizations and people.
#[rustfmt::skip]
const VERDICTS: WordList = WordList::new(&[
    "amazing", "awesome", "bad", "beautiful", "best", "delicious", "excellent", "fantastic",
    "favorite", "favourite", "friendly", "good", "great", "highly", "horrible", "lovely",
    "outstanding", "perfect", "poor", "rude", "superb", "terrible", "very", "wonderful", "worst",
]);

/// A person or organization of one to three words opened by a word of praise or blame, and not
/// ending in an institution's word, that is the word alone ("Great"), opens a line (a review's
/// title: "Great Service", "Best Cigar lounge on …") or shouts it ("GREAT Service"). Mid-sentence
/// such names are names ("the rapper Bad Bunny", "Good Morning Scotland"); places such as
/// "Great Lakes" are left alone.
#[inline(never)]
fn verdict(doc: &Doc, s: &Span) -> bool {
    let t = &doc.tokens[s.first];
    // (A place only as the word alone: "Highly recommend", but "Great Britain".)
    let one = s.end - s.first == 1;
    (matches!(TYPES[s.ty], Label::PER | Label::ORG) || one && TYPES[s.ty] == Label::LOC)
        && s.end - s.first <= 3
        && (s.end - s.first == 1 || t.newline_before || s.first == 0 || t.all_caps)
        && listed(&VERDICTS, doc.tok(s.first))
        && !listed(&ORG_HEADS, doc.tok(s.end - 1))
}

/// Adverbs that open sentences, never a name alone.
#[rustfmt::skip]
const OPENING_ADVERBS: WordList = WordList::new(&[
    "additionally", "earlier", "early", "eventually", "finally", "furthermore", "however",
    "indeed", "initially", "instead", "meanwhile", "moreover", "nevertheless", "overall",
    "personally", "previously", "recently", "separately",
]);

/// Verbs that open a sentence as an order ("See attached file", "Take a look at this", "Write
/// (or call) the airline"), in e-mails and reviews; read as a first name or a company otherwise.
#[rustfmt::skip]
const IMPERATIVES: WordList = WordList::new(&[
    "call", "check", "click", "consider", "contact", "do", "find", "follow", "imagine", "keep",
    "let", "note", "please", "remember", "see", "take", "try", "visit", "write",
]);

/// A one-word name that is an order's verb: the first word of its sentence or after a
/// parenthesis, followed by a lower-case word, a parenthesis or a listed organization ("Find BBC
/// News: …"; "Take Care" and "See Jane" stay names).
#[inline(never)]
fn imperative(doc: &Doc, s: &Span) -> bool {
    let i = s.first;
    let first = i == 0
        || doc.sentences[doc.tokens[i].sentence as usize].first == i
        || doc.tok(i - 1) == "(";
    s.end - s.first == 1
        && first
        && listed(&IMPERATIVES, doc.tok(i))
        && doc.tokens.get(i + 1).is_some_and(|t| {
            let next = &doc.text[t.start..t.end];
            next == "(" || t.kind == TokenKind::Word && (!t.cap || listed(&KNOWN_ORGS, next))
        })
}

/// A one-word name that the document also writes in lower case, in title case and not a listed
/// place or institution: a capitalised common word ("Great", "Team", "Interstate"). On the dev sets this drops
/// 12 wrong names of CoNLL-2003 and none right, 66 wrong and 4 right of UNER-EWT.
#[inline(never)]
fn common_word(doc: &Doc, df: &DocFeats, s: &Span) -> bool {
    const PLACE: u8 = gazetteer::COUNTRY | gazetteer::PLACE | gazetteer::DEMONYM;
    let i = s.first;
    s.end - s.first == 1
        && doc.tokens[i].cap
        && !doc.tokens[i].all_caps
        && df.lower_elsewhere(i)
        && df.gaz(i) & PLACE == 0
        // (A known name written in lower case too, "google", is still the name.)
        && !listed(&KNOWN_ORGS, doc.tok(i))
        && !listed(&KNOWN_MISC, doc.tok(i))
}

/// A run of title-case words with a capitalised function word inside ("Thanks For The Prompt
/// Service", a review's title run into its text): a phrase, not a name ("Bank of England" writes
/// its function words in lower case; all-capital headlines are left to the tagger).
#[inline(never)]
fn title_case_run(doc: &Doc, s: &Span) -> bool {
    s.end - s.first >= 3
        && TYPES[s.ty] != Label::MISC
        && (s.first + 1..s.end).any(|i| {
            let t = &doc.tokens[i];
            t.cap && !t.all_caps && t.end - t.start >= 2 && is_function_word(doc.tok(i))
        })
}

/// A name written as a file's name ("TEXT.htm", "UnleadedStocks.pdf"): a document, not a name.
#[inline(never)]
fn file_name(doc: &Doc, s: &Span) -> bool {
    const EXTENSIONS: WordList = WordList::new(&[
        "doc", "docx", "gif", "htm", "html", "jpeg", "jpg", "pdf", "png", "ppt", "pptx", "txt",
        "xls", "xlsx", "zip",
    ]);
    let rest = &doc.text.as_bytes()[doc.tokens[s.end - 1].end..];
    // The name may open a longer file name ("Lisa_resume.doc"): skip word characters and
    // underscores, at most a line's worth.
    let stem = rest
        .iter()
        .take(64)
        .take_while(|&&b| b == b'_' || b == b'-' || b.is_ascii_alphanumeric())
        .count();
    let underscored = rest[..stem].contains(&b'_');
    let rest = if underscored { &rest[stem..] } else { rest };
    let Some(after) = rest.strip_prefix(b".") else {
        return false;
    };
    let n = after
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    std::str::from_utf8(&after[..n]).is_ok_and(|ext| listed(&EXTENSIONS, ext))
}

/// A closed-class word in any case but all capitals ("The", "you"; not "US").
#[inline(never)]
fn is_function_word(w: &str) -> bool {
    const WORDS: WordList = WordList::new(&[
        "a", "and", "as", "at", "but", "by", "for", "from", "he", "her", "his", "i", "if", "in",
        "it", "its", "my", "no", "not", "of", "on", "or", "our", "she", "so", "that", "the",
        "their", "these", "they", "this", "those", "to", "we", "with", "you", "your",
    ]);
    // A pronoun's contraction is the pronoun ("I've", "We’re").
    let w = [
        "'ve", "'m", "'ll", "'d", "'re", "’ve", "’m", "’ll", "’d", "’re",
    ]
    .iter()
    .find_map(|c| w.strip_suffix(c))
    .unwrap_or(w);
    (w.len() < 2 || !w.bytes().all(|b| b.is_ascii_uppercase())) && listed(&WORDS, w)
}

/// Titles and roles that precede a name but are not part of it in the CoNLL and UNER conventions
/// ("President Joe Biden" → "Joe Biden").
const TITLES: WordList = WordList::new(&[
    "administrator",
    "agent",
    "analyst",
    "associate",
    "ambassador",
    "archbishop",
    "attorney",
    "bishop",
    "capt.",
    "captain",
    "ceo",
    "chairman",
    "chairperson",
    "chairwoman",
    "chancellor",
    "chief",
    "coach",
    "col.",
    "colonel",
    "commissioner",
    "congressman",
    "congresswoman",
    "count",
    "countess",
    "dame",
    "del.",
    "deputy",
    "detective",
    "director",
    "dr",
    "dr.",
    "duchess",
    "duke",
    "emperor",
    "empress",
    "father",
    "former",
    "gen.",
    "general",
    "gov.",
    "governor",
    "inspector",
    "judge",
    "junior",
    "justice",
    "king",
    "lady",
    "leader",
    "lieutenant",
    "lord",
    "lt.",
    "madame",
    "mademoiselle",
    "major",
    "majority",
    "manager",
    "marquis",
    "mayor",
    "minister",
    "minority",
    "miss",
    "mlle.",
    "monsieur",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "officer",
    "pope",
    "premier",
    "president",
    "prime",
    "prince",
    "princess",
    "prof.",
    "professor",
    "queen",
    "rep.",
    "reps.",
    "rev.",
    "reverend",
    "saint",
    "secretary",
    "sen.",
    "senator",
    "senators",
    "senior",
    "sen",
    "sens.",
    "sergeant",
    "sgt.",
    "sheikh",
    "sir",
    "solicitor",
    "spokesman",
    "spokeswoman",
    "speaker",
    "st.",
    "superintendent",
    "tsar",
    "vice",
]);

/// Whether `w` is a title word (case-insensitive).
#[inline(never)]
pub fn is_title(w: &str) -> bool {
    w.len() <= 15 && listed(&TITLES, w)
}

/// Token index where a person name starts after any leading titles (and anything before the last
/// title, such as "NASA Administrator"), given the span's token texts; 0 when there is no title.
/// A title must be followed by a capitalised word, so "Prince" in a one-word span stays.
#[inline(never)]
pub fn title_prefix_len(words: &[&str]) -> usize {
    let mut cut = 0;
    for (k, w) in words.iter().enumerate() {
        // A title counts only when a capitalised word follows it inside the span.
        let next_cap = words
            .get(k + 1)
            .and_then(|n| n.chars().next())
            .is_some_and(char::is_uppercase);
        // Lower-case words inside names are particles ("van", "de"), not titles.
        // An abbreviated title before its dot ("Del" "." "Stacey Plaskett").
        if words.get(k + 1) == Some(&".")
            && words
                .get(k + 2)
                .and_then(|n| n.chars().next())
                .is_some_and(char::is_uppercase)
            && w.len() <= 6
            && is_title(&format!("{w}."))
        {
            cut = k + 2;
        }
        if next_cap && is_title(w) {
            cut = k + 1;
            // "Chief Executive Maeve Sherlock": a title's second word, then a name.
            let name_after = words
                .get(k + 2)
                .and_then(|n| n.chars().next())
                .is_some_and(char::is_uppercase);
            if name_after && second_title_word(w, words[k + 1]) {
                cut = cut.max(k + 2);
            }
        }
    }
    cut
}

/// Whether `w` finishes a two-word title opened by `first` that [`TITLES`] does not hold whole
/// ("Chief Executive", "Chief Constable"; alone these words open organizations' names too).
fn second_title_word(first: &str, w: &str) -> bool {
    const SECOND: WordList = WordList::new(&[
        "constable",
        "economist",
        "engineer",
        "executive",
        "rabbi",
        "scientist",
        "strategist",
        "whip",
    ]);
    listed(&TITLE_FIRSTS, first) && listed(&SECOND, w)
}

/// Two names of the same type with nothing between them are one name the model split
/// ("El" + "Salvador"): in running text two distinct names are separated by punctuation or a word.
fn join_adjacent(doc: &Doc, spans: &mut Vec<Span>) {
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for k in 0..spans.len() {
        let mut s = spans[k];
        // An Arabic name goes on through its lower-case article ("Muqtada al-Sadr"), which the
        // model, reading case, leaves out.
        let limit = spans.get(k + 1).map_or(usize::MAX, |n| n.first);
        while s.end < limit.min(doc.tokens.len())
            && doc.tokens[s.end].sentence == doc.tokens[s.first].sentence
            && !doc.tokens[s.end].newline_before
            && name_particle(doc.tok(s.end))
        {
            s.end += 1;
        }
        if let Some(p) = out.last_mut() {
            let same_line = doc.tokens[s.first].sentence == doc.tokens[p.first].sentence
                && !doc.tokens[s.first].newline_before;
            if p.end == s.first && p.ty == s.ty && same_line {
                p.end = s.end;
                p.conf = p.conf.min(s.conf);
                p.rule = "rule:joined";
                continue;
            }
            // One capitalised word the model left out between two parts of one organization's
            // or law's name: "North American" + "Free" + "Trade Agreement".
            if same_line
                && p.end + 1 == s.first
                && p.ty == s.ty
                && matches!(TYPES[p.ty], Label::ORG | Label::MISC)
                && doc.tokens[p.end].cap
                && doc.tokens[p.end].kind == TokenKind::Word
                && !doc.tokens[p.end].all_caps
                && doc.tokens[p.end].space_before
                && doc.tokens[s.first].space_before
                // (Not "San Francisco-based" + "Balco", "With" + "A" + "Little Help".)
                && !doc.tok(p.end).contains('-')
                && !is_function_word(doc.tok(p.end))
                && !is_function_word(doc.tok(p.first))
            {
                p.end = s.end;
                p.conf = p.conf.min(s.conf);
                p.rule = "rule:joined";
                continue;
            }
            if same_line {
                if let Some(ty) = joined_type(doc, p, &s) {
                    p.end = s.end;
                    p.ty = ty;
                    p.conf = p.conf.min(s.conf);
                    p.rule = "rule:joined";
                    continue;
                }
            }
        }
        out.push(s);
    }
    *spans = out;
}

/// A period after a word (not an initial or an abbreviation) and before a capital ends a name:
/// inside an open quote the sentence is not split, and the model read "songs for Hillary. Obama
/// had" as one person. Cut there; what follows opens a sentence, where the model's capitals say
/// little ("Trump. Believe me", "Golden Gate Park. Welcome"), so it goes too, and
/// [`repeat_missed`] finds it again if the document names it elsewhere ("Obama").
fn split_at_periods(doc: &Doc, spans: &mut [Span]) {
    let stop = |k: usize| {
        doc.tok(k) == "."
            && doc.tokens[k - 1].kind == TokenKind::Word
            && doc.tok(k - 1).chars().nth(1).is_some()
            && !crate::text::is_abbreviation(doc.tok(k - 1))
            && doc.tokens[k + 1].space_before
            && doc.tokens[k + 1].cap
    };
    let at = |s: &Span| (s.first + 1..s.end.saturating_sub(1)).find(|&k| stop(k));
    if !spans.iter().any(|s| at(s).is_some()) {
        return;
    }
    for s in spans.iter_mut() {
        if let Some(k) = at(s) {
            s.end = k;
        }
    }
}

/// Two names with a lower-case particle between them are one ("Lula" + "da" + "Silva",
/// "Corriere" + "della" + "Sera", "Van" + "der" + "Westhuizen"): the model, reading case, stops
/// at the particle. A person when the first name is one (a listed first name opens it, or both halves
/// are people's), else of the first half's type ("Tour de France" stays an event).
fn join_at_particles(doc: &Doc, df: &DocFeats, spans: &mut Vec<Span>) {
    const PARTICLES: WordList = WordList::new(&[
        "da", "das", "de", "del", "della", "delle", "dello", "der", "di", "do", "dos", "du", "van",
        "von",
    ]);
    let single = |k: usize| {
        doc.tokens[k].space_before
            && !doc.tokens[k].newline_before
            && doc.text[doc.tokens[k - 1].end..doc.tokens[k].start] == *" "
    };
    // ... or two: "van der", "de la", "de los".
    const SECOND: WordList = WordList::new(&["den", "der", "la", "las", "le", "los"]);
    let particle = |k: usize, list: &WordList| {
        doc.tokens[k].kind == TokenKind::Word
            && !doc.tokens[k].cap
            && listed(list, doc.tok(k))
            && single(k)
    };
    let joins = |p: &Span, s: &Span| {
        (p.end + 1 == s.first || p.end + 2 == s.first && particle(p.end + 1, &SECOND))
            && particle(p.end, &PARTICLES)
            && single(s.first)
            && doc.tokens[s.first].cap
            && s.end - p.first <= 6
    };
    if !spans.windows(2).any(|w| joins(&w[0], &w[1])) {
        return;
    }
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans.drain(..) {
        if let Some(p) = out.last_mut() {
            if joins(p, &s) {
                let first_name = p.end - p.first <= 2
                    && (p.first..p.end).any(|i| df.gaz(i) & gazetteer::FIRST_NAME != 0);
                if first_name || TYPES[p.ty] == Label::PER && TYPES[s.ty] == Label::PER {
                    p.ty = 0;
                }
                p.end = s.end;
                p.conf = p.conf.min(s.conf);
                p.rule = "rule:joined";
                continue;
            }
        }
        out.push(s);
    }
    *spans = out;
}

/// An institution's name goes on through "for", "on" or "of" into capitalised words ("Office
/// for Budget Responsibility", "Commission on Presidential Debates"), which the model, reading
/// case, often cuts off or types apart. Extended over them (and any name read there), as ORG.
#[inline(never)]
fn extend_institutions(doc: &Doc, spans: &mut Vec<Span>) {
    let n = doc.tokens.len();
    // The end of the capitalised words after the particle at `k`, if any.
    let tail = |k: usize| {
        let capital = |i: usize| {
            i < n
                && doc.tokens[i].cap
                && doc.tokens[i].kind == TokenKind::Word
                && doc.tokens[i].sentence == doc.tokens[k].sentence
                && crate::dates::month(doc.tok(i)).is_none()
                && crate::dates::weekday(doc.tok(i)).is_none()
        };
        let mut e = k + 1;
        while capital(e) && e - k <= 5 {
            e += 1;
            if e + 1 < n && matches!(doc.tok(e), "and" | "&") && capital(e + 1) {
                e += 1;
            }
        }
        (e > k + 1 && !matches!(doc.tok(e - 1), "and" | "&")).then_some(e)
    };
    let head = |i: usize| {
        listed(&ORG_HEADS, doc.tok(i))
            || matches!(
                doc.tok(i),
                "Office" | "Centre" | "Center" | "Centres" | "Centers" | "Fund"
            )
    };
    let extend = |s: &Span| {
        let k = s.end;
        // The name read up to its particle, or through it up to an "and" ("National Institute
        // for Health" + "and Care Excellence"; not when an organization or a place follows the
        // "and": "the Council of Europe and NATO").
        let particle = |w: &str| matches!(w, "for" | "on" | "of");
        // (Spans are in text order: the one starting at `i` is found by a binary search.)
        let another = |i: usize| {
            let at = spans.partition_point(|o| o.first < i);
            doc.tokens[i].all_caps
                || spans
                    .get(at)
                    .is_some_and(|o| o.first == i && matches!(o.ty, 1 | 2))
        };
        (k + 1 < n
            && (particle(doc.tok(k)) && head(s.end - 1)
                || matches!(doc.tok(k), "and" | "&")
                    && (s.first + 1..s.end.saturating_sub(1))
                        .any(|p| particle(doc.tok(p)) && head(p - 1))
                    && !another(k + 1)))
        .then(|| tail(k))
        .flatten()
    };
    if !spans.iter().any(|s| extend(s).is_some()) {
        return;
    }
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    let mut covered = 0;
    for s in spans.iter() {
        if s.first < covered {
            continue;
        }
        match extend(s) {
            Some(e) => {
                covered = e;
                out.push(Span {
                    end: e,
                    ty: 1,
                    rule: "rule:institution",
                    ..*s
                });
            }
            None => out.push(*s),
        }
    }
    *spans = out;
}

/// A company's legal form ("Co", "Inc.", "Ltd") read alone ends an organization's name that begins
/// at the capitalised words before it: "Taiwan Semiconductor Manufacturing Co", which the model read
/// as the place "Taiwan" and a place "Co". The words before are taken up to a function word, a line
/// or sentence start (unless a name already covers it: "Shares" opening a sentence is no part of
/// the name); a legal form with no capitalised word before it is no name.
#[inline(never)]
fn legal_forms(doc: &Doc, spans: &mut Vec<Span>) {
    const FORMS: WordList = WordList::new(&["co", "corp", "inc", "llc", "ltd", "plc"]);
    let form = |i: usize| {
        let w = doc.tok(i);
        doc.tokens[i].cap && listed(&FORMS, w.strip_suffix('.').unwrap_or(w))
    };
    // (Only a legal form read alone: a longer name the model read is left as it is.)
    let alone = |s: &Span| s.end - s.first == 1 && form(s.first);
    if !spans.iter().any(alone) {
        return;
    }
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans.iter() {
        if !alone(s) {
            out.push(*s);
            continue;
        }
        // Back over single-spaced capitalised words of the same sentence.
        let mut first = s.first;
        while first > 0 && s.end - first < 8 {
            let (t, p) = (&doc.tokens[first], &doc.tokens[first - 1]);
            let w = doc.tok(first - 1);
            let named = out.last().is_some_and(|n| n.end > first - 1);
            let opens = first - 1 == 0 || doc.tokens[first - 2].sentence != p.sentence;
            if t.newline_before
                || p.sentence != t.sentence
                || !(p.cap && p.kind == TokenKind::Word || w == "&")
                || is_function_word(w)
                || doc.text.get(p.end..t.start) != Some(" ")
                || opens && !named
            {
                break;
            }
            first -= 1;
        }
        if first + 1 == s.end {
            // A legal form alone.
            continue;
        }
        while out.last().is_some_and(|n| n.first >= first) {
            out.pop();
        }
        if let Some(n) = out.last_mut().filter(|n| n.end > first) {
            first = n.first;
            out.pop();
        }
        out.push(Span {
            first,
            end: s.end,
            ty: 1,
            conf: s.conf,
            rule: if first == s.first {
                s.rule
            } else {
                "cue:legal-form"
            },
        });
    }
    *spans = out;
}

/// Splits a name the model read on through a speech verb into two: "Merrill says Machado".
#[inline(never)]
fn split_at_verbs(doc: &Doc, spans: &mut Vec<Span>) {
    const VERBS: WordList = WordList::new(&[
        "added", "adds", "asked", "asks", "said", "says", "tells", "told", "wrote", "writes",
    ]);
    let verb_at = |s: &Span| {
        (s.first + 1..s.end.saturating_sub(1))
            .find(|&k| !doc.tokens[k].cap && listed(&VERBS, doc.tok(k)))
    };
    if !spans.iter().any(|s| verb_at(s).is_some()) {
        return;
    }
    let mut out: Vec<Span> = Vec::with_capacity(spans.len() + 4);
    for s in spans.drain(..) {
        let mut rest = s;
        while let Some(k) = verb_at(&rest) {
            out.push(Span { end: k, ..rest });
            rest.first = k + 1;
        }
        out.push(rest);
    }
    *spans = out;
}

/// The type of one name made of two the model read apart, if they are one: across an Arabic
/// patronymic ("Osama" "bin" "Laden", a person), after a one-word person before an initial
/// ("George" "W. Bush", a person), after a place name's first word that is never a name alone
/// ("Los" "Angeles Times": the second's type), and across an ampersand (an organization).
fn joined_type(doc: &Doc, p: &Span, s: &Span) -> Option<usize> {
    const PREFIXES: WordList = WordList::new(&["las", "los", "san", "santa"]);
    let single = |k: usize| {
        doc.tokens[k].space_before && doc.text[doc.tokens[k - 1].end..doc.tokens[k].start] == *" "
    };
    // "Marks & Spencer", "Procter & Gamble": two names across an ampersand are one firm (not two
    // authors cited with a year: "Miller & Robertson (2004)", "Baron & Beresford 2010"; nor two
    // places, a street corner: "Priest & Washington").
    let year = |k: usize| {
        let w = doc.tokens.get(k).map_or("", |_| doc.tok(k));
        w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())
    };
    // (The model may put the ampersand in either name: "Marsh" + "& McLennan".)
    let amp = if p.end + 1 == s.first {
        Some((p.end, s.first))
    } else if p.end == s.first && s.end - s.first > 1 && doc.tok(s.first) == "&" {
        Some((s.first, s.first + 1))
    } else if p.end == s.first && p.end - p.first > 1 && doc.tok(p.end - 1) == "&" {
        Some((p.end - 1, s.first))
    } else {
        None
    };
    let (amp, next) = amp.unwrap_or((usize::MAX, usize::MAX));
    if amp != usize::MAX
        && doc.tok(amp) == "&"
        && single(amp)
        && single(next)
        && !(s.end + 1 < doc.tokens.len() && matches!(doc.tok(s.end), "(" | ",") && year(s.end + 1)
            || year(s.end))
        && !(TYPES[p.ty] == Label::LOC && TYPES[s.ty] == Label::LOC)
    {
        return Some(1);
    }
    if p.end + 1 == s.first
        && matches!(doc.tok(p.end), "bin" | "ibn" | "bint")
        && single(p.end)
        && single(s.first)
    {
        return Some(0);
    }
    if p.end != s.first || p.end - p.first != 1 || !single(s.first) {
        return None;
    }
    let initial = doc.tok(s.first).len() == 1
        && doc.tokens[s.first].cap
        && doc.tokens.get(s.first + 1).is_some_and(|t| !t.space_before)
        && s.end > s.first + 2
        && doc.tok(s.first + 1) == ".";
    if initial && TYPES[p.ty] == Label::PER {
        return Some(0);
    }
    (!doc.tokens[p.first].all_caps && listed(&PREFIXES, doc.tok(p.first))).then_some(s.ty)
}

/// "al-Sadr", "el-Sisi", "bin-Laden": a lower-case Arabic article or patronymic joined to a
/// capitalised name.
fn name_particle(w: &str) -> bool {
    ["al-", "el-", "ul-", "bin-", "ibn-"].iter().any(|p| {
        w.strip_prefix(p)
            .is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase))
    })
}

/// A name that is not a person's and goes on through a title into capitalised words is a name, then
/// a person ("SMFG President Yoshifumi Nishikawa", "Bank of England Governor Mark Carney"): the
/// model, having opened an organization, read on. Split there; the titles belong to neither.
fn split_at_titles(doc: &Doc, spans: &mut Vec<Span>) {
    // The tokens of a title at `k`: its word, or an abbreviation and its dot ("Sen", ".").
    let title_len = |k: usize, end: usize| {
        if k + 2 < end
            && doc.tok(k + 1) == "."
            && !doc.tokens[k + 1].space_before
            && (2..=4).contains(&doc.tok(k).len())
            && doc.tokens[k].cap
            && !matches!(doc.tok(k), "St" | "Mt" | "Ft" | "ST" | "MT" | "FT")
            && doc.tok(k + 2).len() >= 2
            && is_title(&format!("{}.", doc.tok(k)))
        {
            2
        } else if is_title(doc.tok(k)) {
            1
        } else {
            0
        }
    };
    // The last title followed by one to three capitalised words, all to the span's end.
    let title = |s: &Span| {
        (s.end >= s.first + 3 && TYPES[s.ty] != Label::PER)
            .then(|| {
                (s.first + 1..s.end - 1).rev().find_map(|k| {
                    let n = title_len(k, s.end);
                    (n > 0
                        && !lower_word(doc, k - 1)
                        && s.end - k - n <= 3
                        && (k + n..s.end).all(|i| doc.tokens[i].cap && !is_title(doc.tok(i))))
                    .then_some((k, n))
                })
            })
            .flatten()
    };
    if !spans.iter().any(|s| title(s).is_some()) {
        return;
    }
    let mut out: Vec<Span> = Vec::with_capacity(spans.len() + 4);
    for s in spans.drain(..) {
        let Some((k, n)) = title(&s) else {
            out.push(s);
            continue;
        };
        let mut a = k;
        while a > s.first && is_title(doc.tok(a - 1)) {
            a -= 1;
        }
        // ("the Forbidden City, Mr. Xi": not the comma.)
        while a > s.first && doc.tokens[a - 1].kind == TokenKind::Punct {
            a -= 1;
        }
        if a > s.first {
            out.push(Span { end: a, ..s });
        }
        // ("Refugee Council Chief Executive Maeve Sherlock": the title's second word goes too.)
        let first = if n == 1 && s.end >= k + 4 && second_title_word(doc.tok(k), doc.tok(k + 1)) {
            k + 2
        } else {
            k + n
        };
        out.push(Span {
            first,
            end: s.end,
            ty: 0,
            conf: s.conf,
            rule: "rule:title-split",
        });
    }
    *spans = out;
}

/// A member's seat is a place: the model reads "Conservative MP for Bury St Edmunds" as one
/// organization. Split at "MP for" (MSP, MEP, MS, AM): the party before it stays, the
/// constituency after it is a place, the title belongs to neither.
fn constituencies(doc: &Doc, spans: &mut Vec<Span>) {
    let seat = |s: &Span| {
        (s.first..s.end.saturating_sub(2)).find(|&k| {
            matches!(doc.tok(k), "MP" | "MSP" | "MEP" | "MS" | "AM") && doc.tok(k + 1) == "for"
        })
    };
    if !spans.iter().any(|s| seat(s).is_some()) {
        return;
    }
    let mut out: Vec<Span> = Vec::with_capacity(spans.len() + 2);
    for s in spans.drain(..) {
        let Some(k) = seat(&s) else {
            out.push(s);
            continue;
        };
        // ("Labour's MP for Jarrow": not the possessive.)
        let mut a = k;
        while a > s.first
            && (doc.tokens[a - 1].kind == TokenKind::Punct || matches!(doc.tok(a - 1), "'s" | "’s"))
        {
            a -= 1;
        }
        if a > s.first {
            out.push(Span { end: a, ..s });
        }
        out.push(Span {
            first: k + 2,
            end: s.end,
            ty: 2,
            conf: s.conf,
            rule: "rule:constituency",
        });
    }
    *spans = out;
}

/// A name the model cut short of its institution's word goes on to it as one organization:
/// "from West Midlands Police" was read as the place "West" alone. Up to three capitalised words,
/// single-spaced in the same sentence, no name read among them, the last an institution's word;
/// not after a nationality ("Italian Police": the gold sets keep "Italian" apart) nor in capitals
/// (headlines: "ROMANIA CLUB").
#[inline(never)]
fn extend_to_heads(doc: &Doc, spans: &mut [Span]) {
    let n = doc.tokens.len();
    for i in 0..spans.len() {
        let s = spans[i];
        if TYPES[s.ty] == Label::MISC {
            continue;
        }
        let next_first = spans.get(i + 1).map_or(n, |o| o.first);
        let mut e = s.end;
        let mut head = None;
        while e < next_first.min(n)
            && e < s.end + 3
            && doc.tokens[e].cap
            && !doc.tokens[e].all_caps
            && doc.tokens[e].kind == TokenKind::Word
            && doc.tokens[e].sentence == doc.tokens[s.first].sentence
            && doc.text.get(doc.tokens[e - 1].end..doc.tokens[e].start) == Some(" ")
        {
            e += 1;
            if listed(&ORG_HEADS, doc.tok(e - 1)) {
                head = Some(e);
            }
        }
        if let Some(e) = head {
            spans[i].end = e;
            spans[i].ty = 1;
            spans[i].rule = "cue:org-word";
        }
    }
}

/// A person's name cut after an initial goes on through the capitalised words after its dot
/// ("Solicitor General D. John Sauer": the model read "Solicitor General D", then "Sauer" as a
/// place), taking up any name read there.
#[inline(never)]
fn extend_initials(doc: &Doc, spans: &mut Vec<Span>) {
    let n = doc.tokens.len();
    let initial = |s: &Span| {
        let k = s.end - 1;
        TYPES[s.ty] == Label::PER
            && doc.tok(k).len() == 1
            && doc.tokens[k].cap
            && s.end + 1 < n
            && doc.tok(s.end) == "."
            && doc.tokens[s.end + 1].cap
            && doc.tokens[s.end + 1].kind == TokenKind::Word
            && doc.tokens[s.end + 1].sentence == doc.tokens[k].sentence
    };
    if !spans.iter().any(initial) {
        return;
    }
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    let mut covered = 0;
    for s in spans.iter() {
        if s.first < covered {
            continue;
        }
        if !initial(s) {
            out.push(*s);
            continue;
        }
        let mut e = s.end + 1;
        while e < n
            && e < s.end + 4
            && doc.tokens[e].cap
            && doc.tokens[e].kind == TokenKind::Word
            && doc.tokens[e].sentence == doc.tokens[s.first].sentence
        {
            e += 1;
        }
        covered = e;
        out.push(Span { end: e, ..*s });
    }
    *spans = out;
}

/// A company's legal form ends its name: "Kia Motor Corp of South Korea" is the company, then
/// where it is. Splits such a name at that "of" into the organization and the place.
fn split_company_of_place(doc: &Doc, spans: &mut Vec<Span>) {
    const FORMS: WordList = WordList::new(&[
        "ag", "co", "co.", "corp", "corp.", "gmbh", "inc", "inc.", "llc", "ltd", "ltd.", "nv",
        "plc", "sa", "spa",
    ]);
    let at_of = |s: &Span| {
        (s.first + 1..s.end.saturating_sub(1)).find(|&k| {
            doc.tok(k) == "of" && (listed(&FORMS, doc.tok(k - 1)) || abbreviation_dot(doc, k - 1))
        })
    };
    if !spans.iter().any(|s| at_of(s).is_some()) {
        return;
    }
    let mut out: Vec<Span> = Vec::with_capacity(spans.len() + 4);
    for s in spans.drain(..) {
        let Some(k) = at_of(&s) else {
            out.push(s);
            continue;
        };
        let mut place = k + 1;
        if doc.tok(place).eq_ignore_ascii_case("the") && place + 1 < s.end {
            place += 1;
        }
        out.push(Span {
            end: k,
            ty: 1,
            rule: "rule:company-of-place",
            ..s
        });
        if (place..s.end).all(|i| doc.tokens[i].cap) {
            out.push(Span {
                first: place,
                ty: 2,
                rule: "rule:company-of-place",
                ..s
            });
        }
    }
    *spans = out;
}

/// Drops leading titles from person spans, and trailing ones from other names ("US President"
/// → "US": the title belongs to the person, the country stays a place).
/// Companies whose names open with a military title ("General Motors"): the model reads a
/// general's name and the title is cut, leaving the person "Motors". The whole name, as ORG.
#[inline(never)]
fn general_companies(doc: &Doc, spans: &mut [Span]) {
    const GENERAL_COMPANIES: WordList =
        WordList::new(&["atomics", "dynamics", "electric", "mills", "motors"]);
    let company = |i: usize| {
        i > 0
            && doc.tok(i - 1) == "General"
            && doc.tokens[i].cap
            && listed(&GENERAL_COMPANIES, doc.tok(i))
    };
    // (Rare: only then are the tokens covered by names looked up.)
    if !spans
        .iter()
        .any(|s| company(s.first) || company(s.first + 1) && s.end - s.first >= 2)
    {
        return;
    }
    let mut covered = vec![false; doc.tokens.len()];
    for s in spans.iter() {
        for c in &mut covered[s.first..s.end] {
            *c = true;
        }
    }
    for s in spans.iter_mut() {
        if s.end - s.first >= 2 && doc.tok(s.first) == "General" && company(s.first + 1) {
            if s.ty != 1 {
                (s.ty, s.rule) = (1, "lexicon:org");
            }
        } else if company(s.first) && !covered[s.first - 1] {
            (s.first, s.ty, s.rule) = (s.first - 1, 1, "lexicon:org");
        }
    }
}

fn strip_titles(doc: &Doc, spans: &mut [Span]) {
    for s in spans.iter_mut() {
        // An honorific opens a person's name whatever the model typed it ("Professor Eastman"
        // read as an organization): the person, without the title.
        // (Its dot, when there is one, is a token of its own: "Rep" ".".)
        let name = s.first + 1 + usize::from(s.first + 1 < s.end && doc.tok(s.first + 1) == ".");
        // A title of nobility only before one word that is no office ("says Lord Ricketts" was a
        // place; "Lord Howe Island", "Lord Chancellor", "the Lord Advocate" stay).
        let nobility = s.end - s.first == 2
            && matches!(
                doc.tok(s.first),
                "Lord" | "Lady" | "Sir" | "Dame" | "Baroness" | "Baron"
            )
            && !is_title(doc.tok(s.first + 1))
            && !matches!(doc.tok(s.first + 1), "Advocate" | "Provost" | "Lieutenant");
        if TYPES[s.ty] != Label::PER
            && (2..=4).contains(&(s.end - s.first))
            && name < s.end
            && (is_honorific(doc.tok(s.first)) || nobility)
            && (name..s.end).all(|i| doc.tokens[i].cap)
            // (Not an institution named after someone: "Queen Elizabeth University Hospital".)
            && !(name..s.end).any(|i| listed(&ORG_HEADS, doc.tok(i)))
        {
            s.first = name;
            s.ty = 0;
            s.rule = "rule:title-cut";
            continue;
        }
        if TYPES[s.ty] != Label::PER {
            let before = s.end;
            // (Not after a lower-case word: "Department of Justice" keeps its last word.)
            while s.end - s.first >= 2
                && is_title(doc.tok(s.end - 1))
                && !lower_word(doc, s.end - 2)
            {
                s.end -= 1;
            }
            if s.end != before {
                s.ty = 2;
                s.rule = "rule:title-cut";
                s.conf = 0.6;
            }
            continue;
        }
        if TYPES[s.ty] != Label::PER || s.end - s.first < 2 {
            continue;
        }
        let words: Vec<&str> = (s.first..s.end).map(|i| doc.tok(i)).collect();
        let mut cut = title_prefix_len(&words);
        // A capitalised role before a first name and a surname: "Singer Sam Endicott".
        if cut == 0
            && words.len() >= 3
            && listed(&ROLE_NOUNS, words[0])
            && gazetteer::shipped().lookup_word(words[1]) & gazetteer::FIRST_NAME != 0
            && (doc.tokens[s.first + 2].cap
                || words.len() >= 4 && matches!(words[2], "da" | "de" | "van" | "von"))
        {
            cut = 1;
        }
        if cut > 0 && cut < words.len() {
            s.first += cut;
        }
    }
}

/// A document's references to its own parts or to a law's ("Title IV", "Figure 1.5", "Tab 3"):
/// MISC, with the number, not the organization or person the model may read in the word.
#[inline(never)]
fn references(doc: &Doc, spans: &mut [Span]) {
    #[rustfmt::skip]
    const WORDS: WordList = WordList::new(&[
        "annex", "appendix", "article", "case", "category", "chapter", "clause", "exhibit",
        "figure", "page", "paragraph", "part", "schedule", "section", "tab", "table", "title",
        "verse", "volume",
    ]);
    let numeral = |i: usize| {
        let w = doc.tok(i);
        w.bytes().next().is_some_and(|b| b.is_ascii_digit())
            || (w.len() <= 6 && w.bytes().all(|b| b"IVXLC".contains(&b)))
    };
    for s in spans.iter_mut() {
        let n = s.first + 1;
        if s.end - s.first > 2
            || !listed(&WORDS, doc.tok(s.first))
            || n >= doc.tokens.len()
            || doc.tokens[n].sentence != doc.tokens[s.first].sentence
            || !numeral(n)
        {
            continue;
        }
        s.end = n + 1;
        s.ty = 3;
        s.rule = "rule:reference";
    }
}

/// Titles only people carry (not "General", "King", "Justice" or "Miss", which also open the names
/// of companies, places, departments and contests).
#[rustfmt::skip]
#[inline(never)]
/// An honorific's abbreviation, never a name alone ("Dr", "Mrs.", "Rep").
fn honorific_abbreviation(w: &str) -> bool {
    is_honorific(w) && w.trim_end_matches('.').len() <= 4
}

fn is_honorific(w: &str) -> bool {
    const WORDS: WordList = WordList::new(&[
        "dr",
        "dr.",
        "gov",
        "gov.",
        "judge",
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "prof",
        "prof.",
        "professor",
        "rep",
        "rep.",
        "sen",
        "sen.",
        "senator",
    ]);
    listed(&WORDS, w)
}

/// Institutions that news text names as actors ("the White House said"), typed ORG whatever the
/// model says: CoNLL tags "White House" as a place, while readers (and quote attribution) treat it
/// as the organization speaking.
/// Also the social networks, platforms and technology companies the news names daily, which
/// postdate the tagger's training text (it reads "Twitter" or "Netflix" as a person, passes over
/// "Apple has yet to …" opening a sentence); not those named like rivers or people ("Amazon",
/// "Tesla", "Disney") nor makers whose names are their products' ("Boeing", "Airbus").
#[rustfmt::skip]
const KNOWN_ORGS: WordList = WordList::new(&[
    "airbnb", "alibaba", "apple", "bbc", "bluesky", "commons", "congress", "ebay",
    "european commission", "european union", "facebook", "federal reserve", "google", "huawei",
    "ibm", "instagram", "intel", "kickstarter", "linkedin", "microsoft", "mossad", "nato",
    "netflix", "nintendo", "nvidia", "openai", "paypal", "pentagon", "reddit", "samsung",
    "senate", "snapchat", "sony", "spotify", "state department", "supreme court", "telegram",
    "tencent", "tiktok", "twitter", "uber", "united nations", "whatsapp", "white house",
    "wikipedia", "yahoo", "youtube",
]);

/// Holidays, diseases, "Brexit", "Obamacare", the Baftas: miscellaneous names, never people.
#[rustfmt::skip]
const KNOWN_MISC: WordList = WordList::new(&[
    "aids", "bafta", "baftas", "brexit", "christmas", "covid", "covid-19", "diwali", "easter",
    "ebola", "halloween", "hanukkah", "hiv", "holocaust", "ipad", "iphone", "obamacare",
    "omicron", "playstation", "ramadan", "sars", "thanksgiving", "xbox",
]);

/// English counties (and any "-shire"): places, except in sports reports, where the gold sets
/// (and the sports pages) name the county teams so ("Essex beat Kent").
#[rustfmt::skip]
const COUNTIES: WordList = WordList::new(&[
    "cornwall", "cumbria", "devon", "dorset", "durham", "essex", "glamorgan", "kent", "merseyside",
    "middlesex", "norfolk", "somerset", "suffolk", "surrey", "sussex",
]);

/// Words of a region named by its compass direction ("North West", "West Midlands", "East of
/// England").
#[rustfmt::skip]
const COMPASS: WordList = WordList::new(&[
    "central", "east", "eastern", "england", "midlands", "north", "north-east", "north-west",
    "northern", "of", "scotland", "south", "south-east", "south-west", "southern", "wales", "west",
    "western",
]);

/// Words of a sports report.
#[rustfmt::skip]
const SPORTS: WordList = WordList::new(&[
    "cricket", "football", "innings", "rugby", "soccer", "wicket", "wickets",
]);

/// Words of a football report, besides [`SPORTS`]: a name ending in "City" there is a club.
#[rustfmt::skip]
const CLUB_WORDS: WordList = WordList::new(&[
    "defender", "goalkeeper", "goals", "league", "midfielder", "premiership", "scored", "striker",
]);

/// Nouns that, right after a name, make it a law, treaty or agreement (MISC): "New START treaty".
const MISC_CUES: &[&str] = &[
    "treaty",
    "accord",
    "accords",
    "agreement",
    "pact",
    "convention",
    "protocol",
];

/// Last words that make a name of several words a law, plan or treaty (MISC), whatever type the
/// model read in its first words: "Clean Power Plan", "Affordable Care Act", "Paris Agreement",
/// "First Amendment", "Criminal Code"; wars and revolutions ("Iraq War"); events and awards
/// ("Winter Olympics" read as a person, "Brit Awards", "Venice Film Festival", "Davis Cup"). (Not "Bill", a first name, nor "Initiative", also a
/// foundation's name.)
#[rustfmt::skip]
const MISC_HEADS: WordList = WordList::new(&[
    "accord", "accords", "act", "agreement", "amendment", "award", "awards", "championship",
    "championships", "code", "constitution", "cup", "doctrine", "festival", "games", "olympics",
    "pact", "plan", "prix", "prize", "protocol", "revolution", "tournament", "treaty", "war",
    "wars",
]);

/// Laws and scriptures named by one word ("the Constitution", "the Bible"): works, so MISC (the
/// model reads a capitalised institution-like word as an organization).
const DOCUMENTS: WordList = WordList::new(&["bible", "constitution", "koran", "quran", "torah"]);

/// Political parties' adjectives, used like nationalities ("Republican Donald Trump").
const PARTIES: WordList = WordList::new(&[
    "democrat",
    "democratic",
    "libertarian",
    "republican",
    "tory",
]);

/// Religious and ethnic groups, named like nationalities ("Muslims", "Hispanic"), and the
/// nationalities of the UK's nations, which the country list lacks: MISC, as its demonyms are.
#[rustfmt::skip]
const GROUPS: WordList = WordList::new(&[
    "african", "africans", "arab", "arabs", "asian", "asians", "basque", "basques", "buddhist",
    "buddhists", "catalan", "catalans", "catholic", "catholics", "chechen", "chechens",
    "christian", "christians", "english", "european", "europeans", "evangelical", "evangelicals",
    "hindu", "hindus", "hispanic", "hispanics", "jew", "jews", "kurd", "kurdish", "kurds",
    "latina", "latinas", "latino", "latinos", "maori", "mormon", "mormons", "muslim", "muslims",
    "pashtun", "pashtuns", "persian", "protestant", "protestants", "scots", "scottish", "shia",
    "shiite", "shiites", "sikh", "sikhs", "sunni", "sunnis", "tibetan", "tibetans", "uighur",
    "uighurs", "uyghur", "uyghurs", "welsh",
]);

/// Last words of place names that are no surnames ("Hall", "Park", "Hill", "Bay", "Street", "Lake"
/// and "Tower" are: Arsenio Hall, Michael Bay, Ricki Lake).
#[rustfmt::skip]
const PLACE_HEADS: WordList = WordList::new(&[
    "airport", "auditorium", "avenue", "beach", "bridge", "building", "canal", "center", "centre",
    "county", "district", "hills", "island", "islands", "mountain", "mountains", "province",
    "river", "road", "square", "stadium", "station", "valley",
]);

/// A person's roles, in lower case right before the name ("Hamas official Basem Naim").
#[rustfmt::skip]
const ROLE_NOUNS: WordList = WordList::new(&[
    "adviser", "advisor", "aide", "analyst", "commander", "diplomat", "economist", "envoy",
    "executive", "lawmaker", "lawyer", "negotiator", "official", "spokesman", "spokesperson",
    "spokeswoman", "strategist",
    "actor", "actress", "singer", "rapper", "musician", "guitarist", "drummer", "bassist",
    "frontman", "comedian", "presenter", "writer", "author", "novelist", "poet", "playwright",
    "designer", "artist", "photographer", "journalist", "reporter", "correspondent", "editor",
    "columnist", "chef", "star", "striker", "midfielder", "defender", "goalkeeper", "winger",
    "captain", "coach", "skipper", "batsman", "bowler", "driver", "rider", "boss", "chairman",
    "chairwoman", "minister", "governor", "mayor", "prosecutor", "attorney", "senator",
    "counterpart", "challenger", "incumbent", "wife", "husband", "son", "daughter", "brother",
    "sister", "father", "mother", "widow", "colleague", "compatriot", "teammate",
    "blogger", "influencer", "streamer", "tiktoker", "vlogger", "youtuber",
]);

/// An organization's kinds, in lower case right before its name ("rock band U2", "Channel
/// Tunnel operator Eurotunnel").
#[rustfmt::skip]
const ORG_KIND_NOUNS: WordList = WordList::new(&[
    "airline", "automaker", "band", "bank", "broadcaster", "brewer", "carmaker",
    "carrier", "chain", "chipmaker", "company", "conglomerate", "distributor", "drugmaker",
    "firm", "giant", "group", "insurer", "lender", "maker", "manufacturer", "newspaper",
    "operator", "publisher", "refiner", "retailer", "startup", "subsidiary", "supermarket",
    "supplier", "tabloid",
]);

/// Kinds of places, in the plural, that introduce a list of them ("the cities of …").
#[rustfmt::skip]
const PLACE_KINDS: WordList = WordList::new(&[
    "capitals", "cities", "communities", "counties", "countries", "districts", "municipalities",
    "nations", "provinces", "regions", "states", "suburbs", "towns", "villages",
]);

/// Whether tokens `a` < `b` are in one sentence with no line break between them (a headline's
/// last word is no role of the next line's first name).
fn same_line(doc: &Doc, a: usize, b: usize) -> bool {
    doc.tokens[a].sentence == doc.tokens[b].sentence
        && !doc.text[doc.tokens[a].end..doc.tokens[b].start].contains('\n')
}

/// Titles that only people carry, written capitalised before a name ("President Suharto"). Not
/// "General", "Major", "Premier", "Royal" or "Judge": they also open the names of companies,
/// leagues and schools.
#[rustfmt::skip]
const PERSON_TITLES: WordList = WordList::new(&[
    "archbishop", "ayatollah", "cardinal", "chancellor", "emperor", "emir", "empress",
    "governor", "king", "mayor", "minister", "pope", "president", "prince", "princess",
    "queen", "senator", "sheikh", "sultan",
]);

/// Whether token `i` follows a capitalised title only people carry ("President Suharto") or an
/// honorific ("Mr. Kelly") in its sentence.
pub(crate) fn person_title_before(doc: &Doc, i: usize) -> bool {
    if i >= doc.tokens.len() {
        return false;
    }
    let mut t = i;
    if t > 0 && doc.tok(t - 1) == "." {
        t -= 1;
    }
    t > 0
        && doc.tokens[t - 1].cap
        && doc.tokens[t - 1].sentence == doc.tokens[i].sentence
        && (listed(&PERSON_TITLES, doc.tok(t - 1)) || is_honorific(doc.tok(t - 1)))
}

/// Last words that make a name of several words an institution ("UK Government", "Finance
/// Ministry", "Labour Party", "Daiwa Securities"), whatever type the model read in its first words.
/// (Not "Union", "Office", "Bank", "Federation" or "League": the Soviet Union, the Oval Office, the
/// West Bank, the Russian Federation, and leagues, which the gold sets type as events; nor
/// "Hospital": CoNLL-2003 types hospitals as places.)
#[rustfmt::skip]
const ORG_HEADS: WordList = WordList::new(&[
    "academy", "agency", "airlines", "airways", "alliance", "assembly", "association",
    "authority", "board", "bureau", "clinic", "club", "coalition", "college", "commission",
    "committee", "company", "congress", "consortium", "corp", "corp.", "corporation", "council",
    "department", "foundation", "government",
    "group", "holdings", "inc", "inc.", "institute", "ltd", "ministry", "organisation",
    "organization", "parliament", "party", "plc", "police", "school", "securities", "senate",
    "society", "university",
    // Companies' last words ("Jupiter Research", "Toyota Motors", "Sun Microsystems" not).
    "communications", "industries", "laboratories", "labs", "motors", "partners",
    "pharmaceuticals", "research", "studios", "technologies",
]);

/// Last words of newspapers' and broadcasters' names ("New York Times", "Fox News"): ORG unless
/// the model read a person (Emily Post).
#[rustfmt::skip]
const NEWS_HEADS: WordList = WordList::new(&[
    "bulletin", "chronicle", "enquirer", "examiner", "gazette", "herald", "inquirer", "journal",
    "magazine", "news", "post", "telegraph", "times", "tribune",
]);

/// Lexicon and cue-word typing: known institutions are ORG; a name of several words ending in a
/// law's or plan's word ([`MISC_HEADS`]) is MISC, as is a religious or ethnic group ([`GROUPS`]);
/// one ending in an institution's word ([`ORG_HEADS`]) is ORG; a name before "administration"
/// is a person; a name followed (within two words) by
/// "treaty", "accord" … is MISC, with extra weight so the document vote follows it.
fn cue_types(doc: &Doc, df: &DocFeats, spans: &mut [Span]) {
    // Whether the document is a sports report (read once, when a county needs it).
    let mut sports: Option<bool> = None;
    let mut clubs: Option<bool> = None;
    // The end of the last storm's name.
    let mut storm_end: Option<usize> = None;
    for s in spans.iter_mut() {
        let text = span_text(doc, s);
        if text.len() <= 20 && listed(&KNOWN_ORGS, text) {
            s.ty = 1;
            s.rule = "lexicon:org";
            s.conf = s.conf.max(0.9);
            continue;
        }
        // The network once called Twitter: "wrote on X", "posted to X".
        if text == "X" && s.first > 0 && matches!(doc.tok(s.first - 1), "on" | "to" | "via") {
            s.ty = 1;
            s.rule = "lexicon:org";
            s.conf = s.conf.max(0.9);
            continue;
        }
        // (And any virus: "Hantavirus", "Norovirus", "Coronavirus".)
        let virus = s.end - s.first == 1
            && text.len() > 6
            && text.is_char_boundary(text.len() - 5)
            && text[text.len() - 5..].eq_ignore_ascii_case("virus");
        if text.len() <= 12 && listed(&KNOWN_MISC, text) || virus {
            s.ty = 3;
            s.rule = "lexicon:misc";
            s.conf = s.conf.max(0.9);
            continue;
        }
        let one = s.end - s.first == 1;
        if one
            && matches!(TYPES[s.ty], Label::ORG | Label::MISC)
            && (listed(&COUNTIES, text)
                || text.len() > 6 && text.is_char_boundary(text.len() - 5) && {
                    let (head, tail) = text.split_at(text.len() - 5);
                    tail.eq_ignore_ascii_case("shire") && !head.contains(' ')
                })
            && !*sports
                .get_or_insert_with(|| (0..doc.tokens.len()).any(|i| listed(&SPORTS, doc.tok(i))))
        {
            s.ty = 2;
            s.rule = "cue:county";
            continue;
        }
        if !one
            && TYPES[s.ty] != Label::LOC
            && (s.first..s.end).all(|i| listed(&COMPASS, doc.tok(i)))
            && doc.tokens[s.first].cap
        {
            s.ty = 2;
            s.rule = "cue:region";
            continue;
        }
        // A title, then a first name: a person whatever the model read ("Justice Amy Coney
        // Barrett" as an organization, where "the Justice Department" is one).
        if TYPES[s.ty] != Label::PER
            && s.end - s.first >= 3
            && is_title(doc.tok(s.first))
            && df.gaz(s.first + 1) & gazetteer::FIRST_NAME != 0
            && (s.first + 1..s.end).all(|i| doc.tokens[i].cap)
            // (Not an institution named after someone: "Queen Elizabeth University Hospital".)
            && !(s.first + 1..s.end).any(|i| listed(&ORG_HEADS, doc.tok(i)))
        {
            s.first += 1;
            s.ty = 0;
            s.rule = "rule:title-cut";
            continue;
        }
        // "the MP for York Central", "member for Bath": a constituency, a place.
        if TYPES[s.ty] != Label::LOC
            && s.first >= 2
            && doc.tok(s.first - 1) == "for"
            && matches!(
                doc.tok(s.first - 2),
                "MP" | "MSP" | "MEP" | "MPP" | "member" | "Member"
            )
        {
            s.ty = 2;
            s.rule = "cue:constituency";
            continue;
        }
        // "senior Hamas official Basem Naim": a name of two or more words right after a
        // person's role in lower case is that person (the model, after an organization, read on
        // as one).
        if TYPES[s.ty] != Label::PER
            && s.first > 0
            // (One word after most roles too, "R&B star Usher", "his son Beau"; not after
            // "official" or "executive", adjectives as often; nor a party's or group's word, "his
            // wife Democratic presidential front-runner …".)
            && (!one
                || !matches!(doc.tok(s.first - 1), "official" | "executive")
                    && !listed(&PARTIES, doc.tok(s.first))
                    && !listed(&GROUPS, doc.tok(s.first)))
            && !doc.tokens[s.first - 1].cap
            && listed(&ROLE_NOUNS, doc.tok(s.first - 1))
            && same_line(doc, s.first - 1, s.first)
            && (s.first..s.end).all(|i| doc.tokens[i].cap && !listed(&ORG_HEADS, doc.tok(i)))
            // ("the official China Daily", "official Kabul Radio": "official" as an adjective,
            // before a place's name.)
            && df.gaz(s.first) & (gazetteer::COUNTRY | gazetteer::PLACE | gazetteer::DEMONYM) == 0
        {
            s.ty = 0;
            s.rule = "cue:role";
            s.conf = s.conf.max(2.0);
            continue;
        }
        // "rock band U2", "operator Eurotunnel": a name right after an organization's kind in
        // lower case is that organization.
        if TYPES[s.ty] != Label::ORG
            && s.first > 0
            && !doc.tokens[s.first - 1].cap
            && listed(&ORG_KIND_NOUNS, doc.tok(s.first - 1))
            && same_line(doc, s.first - 1, s.first)
            && (s.first..s.end).all(|i| doc.tokens[i].cap)
            // (Not a person's name: "broadcaster Anne Diamond"; nor
            // a place's, the kind word an adjective: "two giant Texas plants".)
            && df.gaz(s.first) & gazetteer::FIRST_NAME == 0
            && !(one
                && df.gaz(s.first)
                    & (gazetteer::COUNTRY | gazetteer::DEMONYM | gazetteer::PLACE)
                    != 0)
        {
            s.ty = 1;
            s.rule = "cue:org-kind";
            // (Worth two of the model's readings in the document's vote: "banking giant
            // Citigroup", read as a place elsewhere.)
            s.conf = s.conf.max(2.0);
            continue;
        }
        // "President Suharto", "Cardinal Bernardin": a name right after a capitalised title
        // only people carry is that person (the model read an unknown name as an organization).
        if TYPES[s.ty] != Label::PER
            && s.end - s.first <= 3
            && person_title_before(doc, s.first)
            && (s.first..s.end).all(|i| doc.tokens[i].cap && !listed(&ORG_HEADS, doc.tok(i)))
            && df.gaz(s.first) & (gazetteer::COUNTRY | gazetteer::PLACE | gazetteer::DEMONYM) == 0
        {
            s.ty = 0;
            s.rule = "cue:title";
            continue;
        }
        // "the Biden administration", "Obama's administration": a president's (CoNLL types
        // "Clinton administration" so). Lower case only: "Food and Drug Administration" is a name.
        let mut k = s.end;
        if matches!(doc.tokens.get(k).map(|_| doc.tok(k)), Some("'s" | "’s")) {
            k += 1;
        }
        if k < doc.tokens.len()
            && doc.tok(k) == "administration"
            && s.end - s.first <= 3
            // (An organization's stays one: "the Labour administration".)
            && TYPES[s.ty] != Label::ORG
            // ("the Republican administration", "the French administration" are no person's.)
            && df.gaz(s.first) & gazetteer::DEMONYM == 0
            && !listed(&PARTIES, doc.tok(s.first))
        {
            s.ty = 0;
            s.rule = "cue:administration";
            continue;
        }
        if TYPES[s.ty] != Label::MISC
            && (s.end - s.first >= 2
                && listed(&MISC_HEADS, doc.tok(s.end - 1))
                // ("Ministry of War", "Institute for the Study of War" stay institutions.)
                && !(s.first..s.end - 1).any(|i| listed(&ORG_HEADS, doc.tok(i)))
                // "Treaty of Utrecht", "Act of Union": the head first, then "of" and a name.
                || s.end - s.first >= 3
                    && doc.tok(s.first + 1) == "of"
                    && doc.tokens[s.first].cap
                    && listed(&MISC_HEADS, doc.tok(s.first))
                || s.end - s.first == 1
                    && (listed(&GROUPS, doc.tok(s.first))
                        || listed(&PARTIES, doc.tok(s.first))
                        || doc.tokens[s.first].cap && listed(&DOCUMENTS, doc.tok(s.first))))
        {
            s.ty = 3;
            s.rule = "cue:misc-word";
            continue;
        }
        // A court named by its word alone ("may it please the Court") is the institution.
        if TYPES[s.ty] != Label::ORG
            && one
            && doc.tok(s.first) == "Court"
            && s.first > 0
            && matches!(doc.tok(s.first - 1), "the" | "The" | "this" | "This")
        {
            s.ty = 1;
            s.rule = "cue:org-word";
            continue;
        }
        if TYPES[s.ty] != Label::ORG
            && s.end - s.first >= 2
            && (listed(&ORG_HEADS, doc.tok(s.end - 1))
                || TYPES[s.ty] != Label::PER && listed(&NEWS_HEADS, doc.tok(s.end - 1))
                // ... or opening one, before "of" ("Office of Undergraduate Education",
                // "University of Chicago": on the gold sets 72 such names are organizations, 6
                // not).
                || s.end - s.first >= 3
                    && doc.tokens[s.first].cap
                    && doc.tok(s.first + 1) == "of"
                    && (listed(&ORG_HEADS, doc.tok(s.first)) || doc.tok(s.first) == "Office"))
        {
            s.ty = 1;
            s.rule = "cue:org-word";
            continue;
        }
        // A storm's name: "Hurricane Katrina" → MISC "Katrina", as CoNLL types "Edouard" (with
        // extra weight, so that the document's bare "Katrina" follows in the type vote).
        // ("hurricanes Helene and Milton": the plural, and a second name after "and" or a comma.)
        // ("storm" only capitalised, "Storm Ciarán": "rebels storm Grozny" is the verb.)
        let storm = |w: &str| {
            let w = w.strip_suffix(['s', 'S']).unwrap_or(w);
            ["hurricane", "typhoon", "cyclone"]
                .iter()
                .any(|x| w.eq_ignore_ascii_case(x))
                || w == "Storm"
                || w == "STORM"
        };
        if TYPES[s.ty] != Label::ORG {
            let inside = !one && storm(doc.tok(s.first)) && doc.tokens[s.first + 1].cap;
            let listed_after = storm_end
                .is_some_and(|e| s.first == e + 1 && matches!(doc.tok(e), "and" | "," | "or"));
            if inside || s.first > 0 && storm(doc.tok(s.first - 1)) || listed_after {
                if inside {
                    s.first += 1;
                }
                s.ty = 3;
                s.rule = "cue:storm";
                // (Worth several of the model's readings: "Rita packed winds" reads a person.)
                s.conf = 4.0;
                storm_end = Some(s.end);
                continue;
            }
        }
        if TYPES[s.ty] == Label::PER
            && one
            && doc.tokens.get(s.end).is_some_and(|_| {
                matches!(
                    doc.tok(s.end),
                    "nominee"
                        | "nominees"
                        | "nomination"
                        | "nominations"
                        | "winner"
                        | "winners"
                        | "winning"
                        | "contender"
                        | "contenders"
                        | "ceremony"
                )
            })
        {
            // An award: "Oscar nominee Alan Alda", "the Bafta ceremony".
            s.ty = 3;
            s.rule = "cue:award";
            continue;
        }
        if TYPES[s.ty] == Label::PER && !one {
            // (A club's report: the county list's sports words or football's.)
            let mut is_sports = || {
                *clubs.get_or_insert_with(|| {
                    (0..doc.tokens.len())
                        .any(|i| listed(&SPORTS, doc.tok(i)) || listed(&CLUB_WORDS, doc.tok(i)))
                })
            };
            if let Some((ty, rule)) = not_a_person(doc, df, s, &mut is_sports) {
                s.ty = ty;
                s.rule = rule;
                continue;
            }
        }
        if TYPES[s.ty] == Label::PER {
            // A person's name does not end in "Lake" or "Building", nor stand before a lower-case
            // "district" or "province" ("from Doda district"): a place the model misread.
            let before_area = doc.tokens.get(s.end).is_some_and(|t| {
                !t.cap
                    && matches!(
                        &doc.text[t.start..t.end],
                        "district" | "province" | "region" | "area" | "valley"
                    )
            });
            if s.end - s.first >= 2 && listed(&PLACE_HEADS, doc.tok(s.end - 1)) || before_area {
                s.ty = 2;
                s.rule = "cue:place-word";
            }
            continue;
        }
        // (A possessive owns the treaty and is not its name: "the EU's stability pact", "Iran's
        // nuclear agreement".)
        let last = doc.tok(s.end - 1);
        if last.ends_with("'s") || last.ends_with("’s") {
            continue;
        }
        for k in s.end..(s.end + 2).min(doc.tokens.len()) {
            let w = doc.tok(k);
            if MISC_CUES.contains(&w) {
                s.ty = 3;
                s.rule = "cue:treaty-word";
                s.conf = 1.5;
                break;
            }
            if doc.tokens[k].cap || doc.tokens[k].kind != TokenKind::Word {
                break;
            }
        }
    }
}

/// The type of a "person" of several words whose words say it is none (found reading news
/// output; each checked against the gold sets, where such names are people at most twice): a
/// club's or company's last word ("Man Utd", "Man City", "Sky News", "Warner Bros", "Bristol
/// Rovers") or "Royal" first ("Royal Mail") make an organization; a party is one ("Lib Dems";
/// its adjective "Lib Dem", like "Tory", MISC); and, not after a listed first name, a street
/// ("Downing Street"; "Sharon Street" is a person), mountain, lake, park or stadium is a place, and a name opening with a compass
/// word ("North Yorkshire", "West Ham", "North American") a nationality by its last word, else
/// a place, but a club in a sports report without a listed place in it; so is one ending in
/// "City" ("Jefferson City", but "Man City" on the sports pages).
fn not_a_person(
    doc: &Doc,
    df: &DocFeats,
    s: &Span,
    sports: &mut impl FnMut() -> bool,
) -> Option<(usize, &'static str)> {
    #[rustfmt::skip]
    const ORG_LAST: WordList = WordList::new(&[
        "albion", "athletic", "bros", "bros.", "brothers", "hotspur", "news", "rovers", "united",
        "utd", "wanderers",
    ]);
    let (first, last) = (doc.tok(s.first), doc.tok(s.end - 1));
    if (s.first..s.end).any(|i| !doc.tokens[i].cap) || last == "Highness" {
        return None;
    }
    // "Man City" is a club in a sports report, "Jefferson City" a place elsewhere.
    if last == "City" {
        return Some(if sports() {
            (1, "cue:org-word")
        } else {
            (2, "cue:place-word")
        });
    }
    if first == "Lib" && s.end - s.first == 2 {
        return match last {
            "Dems" => Some((1, "cue:org-word")),
            "Dem" => Some((3, "cue:misc-word")),
            _ => None,
        };
    }
    if listed(&ORG_LAST, last) || first == "Royal" {
        return Some((1, "cue:org-word"));
    }
    // A part of a continent ("Latin America", "Sub-Saharan Africa"; not "Captain America").
    if matches!(last, "America" | "Americas" | "Africa" | "Asia" | "Europe") && !is_title(first) {
        return Some((2, "cue:place-word"));
    }
    // A hospital, also named after someone ("Queen Elizabeth Hospital"): a place, as CoNLL-2003
    // types them (11 of 12 in its sets).
    if matches!(last, "Hospital" | "Hospitals" | "Infirmary") && s.end - s.first >= 2 {
        return Some((2, "cue:place-word"));
    }
    // (Not after a listed first name: "Sharon Street" is a person.)
    if df.gaz(s.first) & gazetteer::FIRST_NAME != 0 {
        return None;
    }
    // (So are a mountain, a lake, an island, a river, a bridge, a park or a stadium: "Mount
    // Snowdon", "Goodison Park"; in the gold sets such names are people twice, "Sung-Hee Park".)
    if matches!(
        last,
        "Street"
            | "Island"
            | "Islands"
            | "Mountains"
            | "Hills"
            | "River"
            | "Valley"
            | "Lake"
            | "Bridge"
            | "Park"
            | "Stadium"
            | "Airport"
    ) && !(last == "Park" && first.contains('-'))
        || matches!(first, "Mount" | "Mt" | "Lake" | "Loch" | "Cape" | "Fort")
    {
        return Some((2, "cue:place-word"));
    }
    if matches!(
        first,
        "North" | "South" | "East" | "West" | "Northern" | "Southern" | "Eastern" | "Western"
    ) {
        let place = gazetteer::COUNTRY | gazetteer::PLACE;
        let ty = if df.gaz(s.end - 1) & gazetteer::DEMONYM != 0
            || last.ends_with("an")
            || last.ends_with("ans")
        {
            3
        } else if (s.first + 1..s.end).any(|i| df.gaz(i) & place != 0) || !sports() {
            2
        } else {
            1
        };
        return Some((ty, "cue:region"));
    }
    None
}

/// Greetings and sign-offs: they run into names when lines are joined ("Thanks, Renee Renee, …")
/// and are never names alone.
#[rustfmt::skip]
#[inline(never)]
fn is_greeting(w: &str) -> bool {
    const WORDS: WordList = WordList::new(&[
        "cheers", "dear", "hello", "here", "hey", "hi", "let", "ok", "okay", "please", "regards",
        "sincerely", "thank", "thanks", "yes",
    ]);
    listed(&WORDS, w)
}

/// Words that are never a name alone but may be part of one ("Good", "Phone" in "Mobile Phone
/// Exchange"): greetings, and contact labels of signatures.
fn never_alone(w: &str) -> bool {
    // (And forms of "be", "have" and "do": a film's "Be" or a headline's "Is" is no name; nor
    // is a name's "Jr." cut off after a comma, nor a sentence's opening discourse word: "Alright",
    // "However", "There", "Which".)
    const NEVER_ALONE: WordList = WordList::new(&[
        "again", "alright", "already", "am", "anything", "anyway", "applause", "are", "be", "been",
        "born", "click", "laughter", "did", "does", "email", "fax", "glad", "good", "had", "has",
        "have", "however", "indeed", "is", "jeez", "jr", "maybe", "mep", "meps", "mp", "mps",
        "msp", "msps", "perhaps", "phone", "posted", "sr", "there", "was", "well", "were", "which",
        "yeah",
    ]);
    is_greeting(w) || listed(&NEVER_ALONE, w)
}

/// Tokens of the longest name span the model's run is taken whole for.
const MAX_NAME_WORDS: usize = 16;

/// Splits the runs of names the model reads as one when line breaks are lost (e-mail signatures
/// and attendee lists joined into one line): at a repeat ("Phillip Phillip", "Debra Perlingiere
/// Debra Perlingiere"), at a greeting or sign-off word ("Vince Dear Dr. Vincent Kaminski"), and in
/// a person's name after two words at a listed first name ("Pam Butler Renee Ratcliff"), and a
/// run longer than any name at its lower-case words (dropped if a piece is still that long).
/// Leading and trailing greetings and function words are cut off the pieces.
#[inline(never)]
fn split_runs(doc: &Doc, df: &DocFeats, spans: &mut Vec<Span>) {
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for mut s in spans.drain(..) {
        number_opener(doc, df, &mut s);
        let mut seg = s.first;
        // No name has more than 14 words in the gold sets: a longer run (a text of names
        // without sentence breaks) is names and the lower-case words between them.
        let too_long = s.end - s.first > MAX_NAME_WORDS;
        for k in s.first + 1..s.end {
            // A separator (";", a comma between people) or a greeting is dropped with the split.
            let drop = is_greeting(doc.tok(k))
                || list_separator(doc, &s, k)
                || too_long && !doc.tokens[k].cap;
            if k >= seg && (drop || starts_again(doc, df, &s, seg, k)) {
                push_piece(doc, &mut out, &s, seg, k);
                seg = k + drop as usize;
            }
        }
        if seg == s.first {
            // Whole: still no person's name opens with a function word or a greeting ("From
            // Bill", "Visit"), and no name ends with one ("Memphis This"); initials ("A.", "I")
            // and "The" ("The Hague") are no such words here.
            let mut t = s;
            let edge = |i: usize| {
                let w = doc.tok(i);
                w.len() >= 2 && (is_greeting(w) || is_function_word(w))
            };
            while TYPES[t.ty] == Label::PER
                && t.end - t.first >= 2
                && edge(t.first)
                && !doc.tok(t.first).eq_ignore_ascii_case("the")
            {
                t.first += 1;
            }
            while t.end - t.first >= 2 && edge(t.end - 1) {
                t.end -= 1;
            }
            if (t.first, t.end) == (s.first, s.end) {
                out.push(s);
            } else if doc.tokens[t.first].cap {
                // The punctuation left at an edge goes too ("Mitt Romney. He"); what is left of
                // "My son" is no name.
                out.extend(trim(doc, t));
            }
        } else {
            push_piece(doc, &mut out, &s, seg, s.end);
        }
    }
    // What is still longer than any name (capitalised words without a break) is none.
    out.retain(|s| s.end - s.first <= MAX_NAME_WORDS);
    *spans = out;
}

/// Whether token `k` of span `s` separates two names of a list: a semicolon (no name of the gold
/// sets holds one; the tagger read "S Lamont; D Parks" of a team sheet as one person), or a comma
/// in a person's span before an initial and a capitalised word ("S Taylor, J Petrie"; "Lenhart,
/// Matthew" stays one).
fn list_separator(doc: &Doc, s: &Span, k: usize) -> bool {
    match doc.tok(k) {
        ";" => true,
        "," => {
            let initial = |i: usize| {
                i < s.end && {
                    let w = doc.tok(i);
                    w.len() <= 2
                        && w.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
                        && w.bytes()
                            .skip(1)
                            .all(|b| b.is_ascii_uppercase() || b == b'.')
                }
            };
            TYPES[s.ty] == Label::PER
                && k > s.first
                && initial(k + 1)
                && k + 2 < s.end
                && doc.tokens[k + 2].cap
                && doc.tok(k + 2).len() > 2
        }
        _ => false,
    }
}

/// A number word before a person's first and last name is no part of the name, which is a
/// person's ("Six Chris Paterson penalties gave Scotland victory" was an organization; "Five
/// Nations" and "Ten Commandments" have no first name after the number).
fn number_opener(doc: &Doc, df: &DocFeats, s: &mut Span) {
    const NUMBERS: WordList = WordList::new(&[
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "hundred",
        "hundreds",
        "thousands",
    ]);
    if s.end - s.first >= 3
        && doc.tokens[s.first].cap
        && listed(&NUMBERS, doc.tok(s.first))
        && df.gaz(s.first + 1) & gazetteer::FIRST_NAME != 0
        && doc.tokens[s.first + 1].cap
        && doc.tokens[s.first + 2].cap
        && doc.tokens[s.first + 2].kind == TokenKind::Word
    {
        s.first += 1;
        s.ty = 0; // PER
        s.rule = "rule:split";
    }
}

/// Whether a new name starts at token `k` of span `s`, whose current piece starts at `seg`: the
/// piece repeats there, or (persons) two capitalised words, the last no first name ("James Alfred
/// Van Allen" and "Miguel Angel Martin" stay whole), are followed by a first name and another
/// capitalised word ("Pam Butler | Renee Ratcliff"; "Julie Hirschfeld Davis" stays whole).
#[inline(never)]
fn starts_again(doc: &Doc, df: &DocFeats, s: &Span, seg: usize, k: usize) -> bool {
    let same = |a: usize, b: usize, m: usize| (0..m).all(|j| df.lower(a + j) == df.lower(b + j));
    let first_name = |i: usize| df.gaz(i) & gazetteer::FIRST_NAME != 0;
    // One word repeated is a name run twice only if it is a first name ("Phillip Phillip", not
    // the band "Duran Duran"); two or more words repeated always are. (Names of at most 8 words:
    // an unbounded length made a tagged run of thousands of words quadratic.)
    if (1..=(k - seg).min(s.end - k).min(8)).any(|m| same(k - m, k, m) && (m > 1 || first_name(k)))
    {
        return true;
    }
    TYPES[s.ty] == Label::PER
        && (seg..k).filter(|&i| doc.tokens[i].cap).nth(1).is_some()
        && doc.tokens[k - 1].cap
        && doc.tok(k - 1).len() > 1
        && !first_name(k - 1)
        && doc.tokens[k].cap
        && doc.tok(k).len() > 2
        && first_name(k)
        && doc
            .tokens
            .get(k + 1)
            .is_some_and(|t| t.cap && k + 1 < s.end)
}

/// Adds tokens `a..b` of span `s` as a name of its own, without greetings or function words at
/// its edges.
#[inline(never)]
fn push_piece(doc: &Doc, out: &mut Vec<Span>, s: &Span, mut a: usize, mut b: usize) {
    let edge = |i: usize| is_greeting(doc.tok(i)) || is_function_word(doc.tok(i));
    while a < b && edge(a) {
        a += 1;
    }
    while b > a && edge(b - 1) {
        b -= 1;
    }
    let piece = Span {
        first: a,
        end: b,
        rule: "rule:split",
        ..*s
    };
    // (Initials alone — "C" of "Peterson, C.; Matthews" — are no name.)
    let initials = (a..b).all(|i| {
        let w = doc.tok(i);
        w == "." || w.len() == 1 && w.bytes().all(|c| c.is_ascii_uppercase())
    });
    if a < b && doc.tokens[a].cap && !initials {
        out.extend(trim(doc, piece));
    }
}

/// Drops one-word spans of any type that are only a title ("President" with no name after it,
/// a web page's "Coach" read as an organization).
fn drop_bare_titles(doc: &Doc, spans: &mut Vec<Span>) {
    spans.retain(|s| {
        !(s.end - s.first == 1 && is_title(doc.tok(s.first)) || title_abbreviation(doc, s))
    });
}

/// A name that is only a title's abbreviation before its dot, of any type ("Sen" of "Sen. Mike
/// Lee" opening a sentence, which the tagger may read as a name of its own). ("St." is left
/// alone: "St. Louis".)
fn title_abbreviation(doc: &Doc, s: &Span) -> bool {
    let w = doc.tok(s.first);
    let mut buf = [0u8; 8];
    s.end - s.first == 1
        && (2..=4).contains(&w.len())
        && !w.eq_ignore_ascii_case("st")
        && doc.tokens.get(s.end).is_some_and(|t| !t.space_before)
        && doc.tok(s.end) == "."
        && {
            buf[..w.len()].copy_from_slice(w.as_bytes());
            buf[w.len()] = b'.';
            std::str::from_utf8(&buf[..=w.len()]).is_ok_and(is_title)
        }
}

/// Acronyms of common nouns, which the tagger reads as organizations (on the dev and train
/// sets these are almost never gold names).
#[rustfmt::skip]
fn common_acronym(w: &str) -> bool {
    matches!(
        w,
        "A&E" | "AI" | "ASAP" | "ATM" | "CCTV" | "CEO" | "CFO" | "COO" | "CPU" | "CTO" | "DIY"
            | "DM" | "DNA" | "DUI" | "DVD" | "EVP" | "FYI" | "GDP" | "GP" | "GPS" | "HR" | "HTML"
            | "ICU" | "IQ" | "IRR" | "LED" | "LMAO" | "LOL" | "OMG" | "PC" | "PDF" | "PhD" | "RFP"
            | "RNA" | "RSVP" | "SMS" | "SVP" | "TV" | "URL" | "USB" | "UV" | "VHS" | "VIP" | "VP"
    )
}

/// A word with a negative contraction ("Don't", "Won’t").
fn contraction(w: &str) -> bool {
    w.len() > 3 && (w.ends_with("n't") || w.ends_with("N'T") || w.ends_with("n’t"))
}

/// Drops names inside a US politician's party and state tag, "(D-S.C.)", "(R-Utah)", or in
/// commas right after the name, AP style ("Chuck Schumer, D-N.Y., said"): the tagger reads its
/// letters as names ("D-Mo", "C", "Y").
#[inline(never)]
fn party_tags(doc: &Doc, spans: &mut Vec<Span>) {
    let n = doc.tokens.len();
    let party = |k: usize| {
        let w = doc.tok(k).as_bytes();
        w.len() >= 3 && matches!(w[0], b'D' | b'R' | b'I') && w[1] == b'-'
    };
    // First bytes of tokens (brackets are tokens of their own).
    let byte = |k: usize| doc.text.as_bytes().get(doc.tokens[k].start).copied();
    let mut tags: Vec<(usize, usize)> = Vec::new();
    for s in spans.iter() {
        // The bracket or comma opens at most four tokens before the name ("( D-S . C").
        let Some(open) = (s.first.saturating_sub(5)..s.first)
            .rev()
            .find(|&k| matches!(byte(k), Some(b'(' | b')' | b',')))
        else {
            continue;
        };
        if !party(open + 1) {
            continue;
        }
        let closer = match byte(open) {
            Some(b'(') => ")",
            // A comma only right after another name, and a state abbreviated (AP style: "N.Y.",
            // "Calif.") or one of those AP writes out: "Normandy, D-Day," is no party tag.
            Some(b',')
                if spans.iter().any(|t| t.end == open)
                    && (open + 2 < n && doc.tok(open + 2) == "."
                        || doc.tok(open + 1).get(2..).is_some_and(|st| {
                            matches!(
                                st,
                                "Alaska"
                                    | "Hawaii"
                                    | "Idaho"
                                    | "Iowa"
                                    | "Maine"
                                    | "Ohio"
                                    | "Texas"
                                    | "Utah"
                            )
                        })) =>
            {
                ","
            }
            _ => continue,
        };
        if let Some(close) = (open + 2..n.min(open + 10)).find(|&k| doc.tok(k) == closer) {
            tags.push((open + 1, close));
        }
    }
    if tags.is_empty() {
        return;
    }
    // Tokens inside a tag (a mask, not a search per name: a long text has many tags).
    let mut inside = vec![false; n];
    for (a, b) in tags {
        inside[a..b].fill(true);
    }
    spans.retain(|s| !inside[s.first..s.end].iter().all(|&x| x));
}

/// Splits a party or nationality word off the person's name it was read into: "Republican Donald
/// Trump" is MISC + PER, as "Russian Vladimir Putin" is. The name is a listed first name and
/// another capitalised word, or two to four words whose last the document names a person by
/// elsewhere ("Trump said"); no title, group or institution's word ("American Express",
/// "Democratic National Committee", "French Roman Catholic" stay whole).
#[inline(never)]
fn split_group_before_person(doc: &Doc, df: &DocFeats, spans: &mut Vec<Span>) {
    // Capitalised words, the dots of initials ("George W. Bush"), no group, title or
    // institution's word.
    let person_word = |i: usize| {
        let w = doc.tok(i);
        if w == "." {
            return doc.tok(i - 1).len() == 1;
        }
        doc.tokens[i].cap
            && doc.tokens[i].kind == TokenKind::Word
            && df.gaz(i) & gazetteer::DEMONYM == 0
            && !listed(&GROUPS, w)
            && !is_title(w)
            && !listed(&ORG_HEADS, w)
            && !listed(&MISC_HEADS, w)
    };
    let shape = |s: &Span| {
        (3..=5).contains(&(s.end - s.first))
            && (df.gaz(s.first) & gazetteer::DEMONYM != 0 || listed(&PARTIES, doc.tok(s.first)))
            && (s.first + 1..s.end).all(person_word)
    };
    if !spans.iter().any(shape) {
        return;
    }
    // Last words of the one-word persons of the document.
    let people: Vec<&str> = spans
        .iter()
        .filter(|s| TYPES[s.ty] == Label::PER && s.end - s.first == 1)
        .map(|s| doc.tok(s.first))
        .collect();
    let splits = |s: &Span| {
        shape(s)
            && (df.gaz(s.first + 1) & gazetteer::FIRST_NAME != 0 && s.end - s.first == 3
                || people.contains(&doc.tok(s.end - 1)))
    };
    let mut out: Vec<Span> = Vec::with_capacity(spans.len() + 4);
    for s in spans.iter() {
        if !splits(s) {
            out.push(*s);
            continue;
        }
        out.push(Span {
            end: s.first + 1,
            ty: 3,
            rule: "rule:group-split",
            ..*s
        });
        out.push(Span {
            first: s.first + 1,
            ty: 0,
            rule: "rule:group-split",
            ..*s
        });
    }
    *spans = out;
}

/// Splits a person off a capitalised role or title the model read into another type's name, as
/// headlines write them: "Actress Amandla Stenberg", "Tory MP David Warburton", "Labour MP Barry
/// Sheerman" (organizations). The role word is followed by a listed first name and at
/// least one more capitalised word, none a title or an institution's word ("Queen Elizabeth
/// University Hospital" stays); the person is those words, the role word goes,
/// and what stands before it stays a name of the span's type ("Labour").
#[inline(never)]
fn split_person_after_role(doc: &Doc, df: &DocFeats, spans: &mut Vec<Span>) {
    let role = |i: usize| {
        let w = doc.tok(i);
        // (Rivals and nominees only here, before a first name: a company or a film is one too.)
        is_title(w)
            || listed(&ROLE_NOUNS, w)
            || matches!(
                w,
                "MP" | "MEP" | "MSP" | "Rival" | "Opponent" | "Candidate" | "Nominee"
            )
    };
    let at = |s: &Span| {
        if TYPES[s.ty] == Label::PER
            || s.end - s.first < 3
            || !(s.first..s.end).all(|i| doc.tokens[i].cap && doc.tokens[i].kind == TokenKind::Word)
        {
            return None;
        }
        (s.first..s.end - 2).find(|&k| {
            role(k)
                && df.gaz(k + 1) & gazetteer::FIRST_NAME != 0
                && (k + 1..s.end).all(|i| {
                    let w = doc.tok(i);
                    !role(i) && !listed(&ORG_HEADS, w) && !listed(&MISC_HEADS, w)
                })
        })
    };
    if !spans.iter().any(|s| at(s).is_some()) {
        return;
    }
    let mut out: Vec<Span> = Vec::with_capacity(spans.len() + 4);
    for s in spans.iter() {
        let Some(k) = at(s) else {
            out.push(*s);
            continue;
        };
        if k > s.first {
            out.push(Span {
                end: k,
                rule: "rule:role-split",
                ..*s
            });
        }
        out.push(Span {
            first: k + 1,
            ty: 0,
            rule: "rule:role-split",
            ..*s
        });
    }
    *spans = out;
}

/// Margin (score of the chosen tag minus the runner-up) → a confidence in 0.5..1.
fn confidence(margin: f32) -> f32 {
    let c = 1.0 / (1.0 + (-margin / 4.0).exp());
    (c * 100.0).round() / 100.0
}

/// A miscellaneous name of one month or ordinal word.
fn month_or_ordinal(doc: &Doc, s: &Span) -> bool {
    let w = doc.tok(s.first);
    TYPES[s.ty] == Label::MISC
        && s.end - s.first == 1
        && (crate::dates::month(w).is_some() || listed(&ORDINALS, w))
}

/// Ordinal words.
#[rustfmt::skip]
const ORDINALS: WordList = WordList::new(&[
    "eighth", "fifth", "first", "fourth", "ninth", "second", "seventh", "sixth", "tenth", "third",
]);

/// Words that open a sentence before a name and are no part of it ("Before Levy", "During
/// Rosati", "Instead Joubert", "Follow BBC West on Facebook"): capitalised there only because
/// they come first.
#[rustfmt::skip]
const OPENERS: WordList = WordList::new(&[
    "after", "against", "also", "although", "before", "despite", "during", "even", "find",
    "follow", "following", "however", "instead", "meanwhile", "since", "still", "then", "though", "unlike",
    "until", "when", "whereas", "while", "yet",
]);

/// Drops punctuation the model may have put at the edges of a span (a trailing quote or dash).
#[inline(never)]
fn trim(doc: &Doc, mut s: Span) -> Option<Span> {
    // A bracket the name does not close is not part of it: the tagger reads on into a party tag
    // ("Roy Cooper (D"), an acronym ("Intelligent Network (IN") or a second name.
    // Nor is a US politician's party tag, closed or not ("Howard Dean (D)", "(R-Utah)").
    if let Some(k) = (s.first..s.end).find(|&k| doc.tok(k) == "(") {
        let party = doc.tokens.get(k + 1).is_some_and(|_| {
            let w = doc.tok(k + 1);
            matches!(w, "D" | "R" | "I")
                || w.len() >= 3 && matches!(&w.as_bytes()[..2], b"D-" | b"R-" | b"I-")
        });
        if party || !(k + 1..s.end).any(|j| doc.tok(j) == ")") {
            s.end = k;
        }
    }
    while s.first < s.end && is_edge_punct(doc, s.first) {
        s.first += 1;
    }
    if s.end > s.first + 1
        && doc
            .sentences
            .get(doc.tokens[s.first].sentence as usize)
            .is_some_and(|x| x.first == s.first)
        && listed(&OPENERS, doc.tok(s.first))
    {
        s.first += 1;
    }
    // A name does not end in a word without a capital ("UK Coal have fallen": the model, having
    // opened a name, read on into the verb); "iPhone", "Windows 10" and particles inside a name
    // ("Bank of England") stay.
    // (A closing bracket stays when the name opened it: "Mladost (L)", a club and its town.)
    let closes =
        |s: &Span| doc.tok(s.end - 1) == ")" && (s.first..s.end - 1).any(|k| doc.tok(k) == "(");
    while s.end > s.first + 1
        && (is_edge_punct(doc, s.end - 1) && !abbreviation_dot(doc, s.end - 1) && !closes(&s)
            || lower_word(doc, s.end - 1))
    {
        s.end -= 1;
    }
    while s.end > s.first
        && is_edge_punct(doc, s.end - 1)
        && !abbreviation_dot(doc, s.end - 1)
        && !closes(&s)
    {
        s.end -= 1;
    }
    // Nor in members of a parliament: "Tory MPs", "SNP MSPs" are the party's.
    if s.end > s.first + 1
        && matches!(
            doc.tok(s.end - 1),
            "MP" | "MPs" | "MSP" | "MSPs" | "MEP" | "MEPs" | "TD" | "TDs"
        )
    {
        s.end -= 1;
    }
    (s.first < s.end).then_some(s)
}

/// A word of letters only, none of them a capital, after a space (so not "com" of "Seattlepi.com").
fn lower_word(doc: &Doc, i: usize) -> bool {
    let w = doc.tok(i);
    doc.tokens[i].kind == TokenKind::Word
        && doc.tokens[i].space_before
        && !w.is_empty()
        && w.chars().all(|c| c.is_alphabetic() && !c.is_uppercase())
}

/// The dot of "Corp." / "Inc." / "Jr." inside a sentence belongs to the name; a sentence-final one
/// is the full stop.
#[inline(never)]
fn abbreviation_dot(doc: &Doc, i: usize) -> bool {
    i > 0
        && doc.tok(i) == "."
        && !doc.tokens[i].space_before
        && matches!(
            doc.tok(i - 1),
            "Corp" | "Inc" | "Co" | "Ltd" | "Jr" | "Sr" | "Bros" | "Cos" | "Mfg" | "Intl"
        )
        && doc
            .tokens
            .get(i + 1)
            .is_some_and(|n| n.sentence == doc.tokens[i].sentence && !n.newline_before)
}

fn is_edge_punct(doc: &Doc, i: usize) -> bool {
    doc.tokens[i].kind == TokenKind::Punct && doc.tok(i) != "&"
}

fn span_text<'a>(doc: &Doc<'a>, s: &Span) -> &'a str {
    &doc.text[doc.tokens[s.first].start..doc.tokens[s.end - 1].end]
}

/// The rule of a byline's names.
pub(crate) const BYLINE: &str = "rule:byline";

/// The rule of a dateline's place and agency.
pub(crate) const DATELINE: &str = "rule:dateline";

/// A name opening a line and followed by the date ("NEW YORK 1996-08-30", "NICE, France
/// 1996-08-30") or a news agency ("WASHINGTON (Reuters) -") is the dateline's place; the agency
/// there is an organization of the dateline too (the topic stage leaves both the agency and the
/// byline out: who reports is not what the article is about).
fn datelines(doc: &Doc, spans: &mut [Span]) {
    let n = doc.tokens.len();
    // The token of the last dateline's agency, if any.
    let mut agency = usize::MAX;
    // The token of the last dateline's second place, if any.
    let mut place = usize::MAX;
    for s in spans.iter_mut() {
        if s.first == agency {
            s.ty = 1;
            s.rule = DATELINE;
            continue;
        }
        if s.first == place {
            s.ty = 2;
            s.rule = DATELINE;
            continue;
        }
        if !(s.first == 0 || doc.tokens[s.first].newline_before) {
            continue;
        }
        let mut k = s.end;
        let mut in_words = false;
        // "JERUSALEM/CAIRO": a second place after a slash (a span of its own, marked below).
        let mut second = usize::MAX;
        if k + 1 < n && doc.tok(k) == "/" && doc.tokens[k + 1].cap {
            second = k + 1;
            k += 1;
            while k < n && doc.tokens[k].cap && doc.tokens[k].kind == TokenKind::Word {
                k += 1;
            }
        }
        // ", France": the country of the city (a span of its own).
        if k + 1 < n && doc.tok(k) == "," && doc.tokens[k + 1].cap {
            k += 2;
            while k < n
                && doc.tokens[k].cap
                && doc.tokens[k].kind == TokenKind::Word
                && k < s.end + 5
            {
                k += 1;
            }
            // ", Nov 20 (Reuters)": the date in words (the country loop took the month).
            if crate::dates::month(doc.tok(k - 1)).is_some() {
                if k < n && doc.tok(k) == "." {
                    k += 1;
                }
                if k < n && doc.tok(k).len() <= 2 && doc.tok(k).bytes().all(|b| b.is_ascii_digit())
                {
                    k += 1;
                    in_words = true;
                }
            }
        }
        let by_agency = k + 1 < n
            && doc.tok(k) == "("
            && matches!(doc.tok(k + 1), "Reuters" | "AP" | "AFP" | "UPI" | "Xinhua");
        // "LONDON —", "London, June 3 —": a dash after a date in words, or after a place the
        // model read in capitals with running text after it (not a section head in capitals:
        // "RUGBY UNION - ENGLAND WIN").
        let dash = k < n
            && matches!(doc.tok(k), "—" | "–" | "-" | "--")
            && (in_words
                // (Or a listed place the model typed otherwise: "CHARLOTTE - The wife …".)
                || (TYPES[s.ty] == Label::LOC
                    || gazetteer::shipped().lookup(span_text(doc, s))
                        & (gazetteer::COUNTRY | gazetteer::PLACE)
                        != 0)
                    && (s.first..s.end).all(|i| doc.tokens[i].all_caps)
                    && doc.tokens.get(k + 1).is_some_and(|t| !t.all_caps));
        let dated = k < n
            && !doc.tokens[k].newline_before
            && (by_agency || dash || crate::dates::Date::parse_iso(doc.tok(k)).is_some());
        if by_agency && dated {
            agency = k + 1;
        }
        if dated {
            place = second;
        }
        if dated {
            s.ty = 2;
            s.rule = DATELINE;
            s.conf = s.conf.max(0.95);
        }
    }
}

/// A byline among the first three lines ("By MARY CLARE JALONICK and LISA MASCARO Associated
/// Press", "By Jane Doe, Reuters"): its names are people and a news organization, whatever the
/// model read in the capitals ("CLARE" a person, "LISA MASCARO Associated Press" one
/// organization). Only a line that reads as a byline throughout: "By Tuesday, officials said" is
/// none.
#[inline(never)]
fn bylines(doc: &Doc, spans: &mut Vec<Span>) {
    const NEWS: WordList = WordList::new(&[
        "afp",
        "agency",
        "ap",
        "associated",
        "bbc",
        "bloomberg",
        "cnn",
        "guardian",
        "journal",
        "media",
        "network",
        "news",
        "post",
        "press",
        "reuters",
        "telegraph",
        "times",
        "tribune",
        "upi",
        "wire",
        "xinhua",
    ]);
    const ROLES: WordList = WordList::new(&[
        "columnist",
        "contributor",
        "correspondent",
        "editor",
        "reporter",
        "reporters",
        "staff",
        "writer",
        "writers",
    ]);
    let n = doc.tokens.len();
    let (mut start, mut lines) = (0, 0);
    while start < n && lines < 3 {
        let mut end = start + 1;
        while end < n && !doc.tokens[end].newline_before {
            end += 1;
        }
        let by = end - start >= 3
            && end - start <= 24
            && doc.tok(start).eq_ignore_ascii_case("by")
            && doc.tokens[start + 1].cap;
        // Without "By": a name, then the writer's role ("Pippa Crerar Political editor", "Jane
        // Doe, Washington correspondent"): capitalised words throughout but the role word last,
        // in lower case (a title-case headline's "Trump Fires White House Staff" is none).
        let signed = !by
            && (4..=8).contains(&(end - start))
            && listed(&ROLES, doc.tok(end - 1))
            && !doc.tokens[end - 1].cap
            && (start..end - 1).all(|k| {
                doc.tokens[k].cap && doc.tokens[k].kind == TokenKind::Word
                    || matches!(doc.tok(k), "," | ".")
            });
        if signed {
            // The name: up to a comma, else the first two words.
            let name_end = (start..end)
                .find(|&k| doc.tok(k) == ",")
                .unwrap_or(start + 2);
            let words = (start..name_end).filter(|&k| doc.tok(k) != ".").count();
            if (2..=3).contains(&words) {
                spans.retain(|s| s.end <= start || s.first >= end);
                let at = spans
                    .iter()
                    .position(|s| s.first >= end)
                    .unwrap_or(spans.len());
                spans.insert(
                    at,
                    Span {
                        first: start,
                        end: name_end,
                        ty: 0,
                        conf: 0.9,
                        rule: BYLINE,
                    },
                );
                return;
            }
        }
        if by {
            if let Some(found) = byline(doc, start + 1, end, &NEWS, &ROLES) {
                spans.retain(|s| s.end <= start || s.first >= end);
                // In text order, where the line's spans were (later passes read them in order).
                let at = spans
                    .iter()
                    .position(|s| s.first >= end)
                    .unwrap_or(spans.len());
                let mut rest = spans.split_off(at);
                spans.extend(found);
                spans.append(&mut rest);
            }
            return;
        }
        lines += 1;
        start = end;
    }
}

/// The names of the byline in tokens `a..end`, or `None` if it is not one.
#[inline(never)]
fn byline(doc: &Doc, a: usize, end: usize, news: &WordList, roles: &WordList) -> Option<Vec<Span>> {
    // Names are separated by "and" or punctuation (but for initials' dots).
    let sep = |i: usize| {
        let w = doc.tok(i);
        w == "and" || doc.tokens[i].kind == TokenKind::Punct && w != "."
    };
    let name = |first: usize, end: usize, ty: usize| Span {
        first,
        end,
        ty,
        conf: 0.9,
        rule: BYLINE,
    };
    let mut out = Vec::new();
    let mut i = a;
    while i < end {
        if sep(i) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < end && !sep(j) {
            j += 1;
        }
        // One pass over the segment: capitalised words and initials' dots only; how many words,
        // how many leading tokens in capitals, and any news or role word.
        let (mut words, mut caps, mut in_caps, mut news_word, mut role_word) =
            (0, 0, true, false, false);
        for k in i..j {
            let (t, w) = (&doc.tokens[k], doc.tok(k));
            let dot = w == ".";
            if !(dot || t.kind == TokenKind::Word && t.cap) {
                return None;
            }
            words += usize::from(!dot);
            in_caps &= dot || t.all_caps;
            caps += usize::from(in_caps);
            news_word |= listed(news, w);
            role_word |= listed(roles, w);
        }
        // Names in capitals, then the organization in title case: "LISA MASCARO Associated Press".
        if caps >= 2 && i + caps < j {
            out.push(name(i, i + caps, 0));
            out.push(name(i + caps, j, 1));
        } else if news_word {
            out.push(name(i, j, 1));
        } else if role_word {
            // "Staff Writer": no name.
        } else if (2..=4).contains(&words) {
            out.push(name(i, j, 0));
        } else {
            return None;
        }
        i = j;
    }
    out.iter().any(|s| s.ty == 0).then_some(out)
}

/// The same string typed differently in one document takes the type with the most confidence
/// behind it (the model often knows "Fischler" is a person in one sentence and not in another).
/// "Zenon Poznyak and Sergei Naumchik": two full names joined by "and", one a person, are both
/// people when the model read the other as an organization without much confidence (an unknown
/// foreign name) and nothing in it names an institution.
fn coordinated_people(doc: &Doc, spans: &mut [Span]) {
    let mut order: Vec<usize> = (0..spans.len()).collect();
    crate::sort::sort_by_u64_key(&mut order, |&i| spans[i].first as u64);
    for w in order.windows(2) {
        let (p, q) = (spans[w[0]], spans[w[1]]);
        if q.first != p.end + 1 || doc.tok(p.end) != "and" {
            continue;
        }
        let full = |s: &Span| {
            (2..=3).contains(&(s.end - s.first))
                && (s.first..s.end).all(|i| {
                    doc.tokens[i].cap && !doc.tokens[i].all_caps && !listed(&ORG_HEADS, doc.tok(i))
                })
        };
        if !full(&p) || !full(&q) {
            continue;
        }
        let weak_org = |s: &Span| TYPES[s.ty] == Label::ORG && s.rule == "model" && s.conf < 0.9;
        let other = match (TYPES[p.ty], TYPES[q.ty]) {
            (Label::PER, Label::ORG) if weak_org(&q) => w[1],
            (Label::ORG, Label::PER) if weak_org(&p) => w[0],
            _ => continue,
        };
        spans[other].ty = 0;
        spans[other].rule = "cue:coordination";
    }
}

/// Two names the model read as one across "and" ("Facebook and Instagram", "Apple and Google",
/// "Opel and Vauxhall") are split when each part is a name on its own: a listed organization or
/// country, or a name the document also gives alone. Institutions keep
/// their "and" ("Securities and Exchange Commission", "Department of Trade and Industry": no
/// such evidence, or a particle before it), as do listed names ("Trinidad and Tobago"). Also split:
/// a company whose legal form ends the first part ("Johnson Controls Inc and Lear Corp"), and two
/// people, each part two or three words opened by a listed first name ("Arjen Robben and Didier
/// Drogba").
fn split_coordinated(doc: &Doc, df: &DocFeats, spans: &mut Vec<Span>) {
    let and_at = |s: &Span| {
        (s.first + 1..s.end.saturating_sub(1)).find(|&k| doc.tok(k) == "and" && !doc.tokens[k].cap)
    };
    if !spans.iter().any(|s| and_at(s).is_some()) {
        return;
    }
    let hash = |a: usize, b: usize| {
        super::features::lower_hash(&doc.text[doc.tokens[a].start..doc.tokens[b - 1].end])
    };
    // The names given alone, as sorted hashes.
    let mut alone: Vec<u64> = spans
        .iter()
        .filter(|s| and_at(s).is_none())
        .map(|s| hash(s.first, s.end))
        .collect();
    crate::sort::sort_u64(&mut alone);
    let gaz = gazetteer::shipped();
    // (Or an acronym beside an institution: "the FBI and Justice Department".)
    let acronym = |a: usize, b: usize| {
        b == a + 1 && doc.tokens[a].all_caps && (2..=5).contains(&doc.tok(a).len())
    };
    let institution = |a: usize, b: usize| b >= a + 2 && listed(&ORG_HEADS, doc.tok(b - 1));
    let known = |a: usize, b: usize| {
        b == a + 1
            && (listed(&KNOWN_ORGS, doc.tok(a)) || gaz.lookup(doc.tok(a)) & gazetteer::COUNTRY != 0)
    };
    const FORMS: WordList = WordList::new(&["co", "corp", "inc", "llc", "ltd", "plc"]);
    // The part [a, b) ends with a legal form, with or without its dot.
    let legal_end = |a: usize, b: usize| {
        let last = if b >= a + 3 && abbreviation_dot(doc, b - 1) {
            b - 2
        } else {
            b - 1
        };
        last > a && doc.tokens[last].cap && listed(&FORMS, doc.tok(last))
    };
    let person = |a: usize, b: usize| {
        (2..=3).contains(&(b - a))
            && df.gaz(a) & gazetteer::FIRST_NAME != 0
            && (a..b).all(|i| doc.tokens[i].cap && doc.tokens[i].kind == TokenKind::Word)
            && !listed(&ORG_HEADS, doc.tok(b - 1))
    };
    let mut out: Vec<Span> = Vec::with_capacity(spans.len() + 4);
    for s in spans.drain(..) {
        let Some(k) = and_at(&s) else {
            out.push(s);
            continue;
        };
        let split = doc.tokens[k + 1].cap
            && gaz.lookup(span_text(doc, &s)) == 0
            && (s.first..k).all(|i| doc.tokens[i].cap || doc.tokens[i].kind != TokenKind::Word)
            && (s.first..s.end).filter(|&i| doc.tok(i) == "and").count() == 1
            && !(s.first..k).any(|i| matches!(doc.tok(i), "of" | "for" | "on"))
            && ([(s.first, k), (k + 1, s.end)]
                .iter()
                .all(|&(a, b)| known(a, b) || alone.binary_search(&hash(a, b)).is_ok())
                || acronym(s.first, k) && institution(k + 1, s.end)
                || institution(s.first, k) && acronym(k + 1, s.end)
                || legal_end(s.first, k)
                || person(s.first, k) && person(k + 1, s.end));
        if split {
            let people = person(s.first, k) && person(k + 1, s.end);
            for (a, b) in [(s.first, k), (k + 1, s.end)] {
                // A listed piece takes its list's type; one named alone elsewhere gets a weak
                // vote, so the document's reading of it wins ("Pantha and Rezwan" read as an
                // organization, "Rezwan" elsewhere a person).
                let (ty, conf) = if b == a + 1 && listed(&KNOWN_ORGS, doc.tok(a)) {
                    (1, 0.9)
                } else if b == a + 1 && gaz.lookup(doc.tok(a)) & gazetteer::COUNTRY != 0 {
                    (2, 0.9)
                } else if people {
                    (0, 0.7)
                } else if legal_end(s.first, k) {
                    (1, 0.8)
                } else {
                    (s.ty, s.conf.min(0.3))
                };
                out.push(Span {
                    first: a,
                    end: b,
                    ty,
                    conf,
                    rule: "rule:coordination-split",
                });
            }
        } else {
            out.push(s);
        }
    }
    *spans = out;
}

/// A name read on through a possessive ("the EU's stability pact" as "EU's") ends before it when
/// the document names it more often without one: the gold sets keep the "'s" only in names
/// that mostly carry it ("Lloyd's", "Moody's"), and the alias would otherwise be an entity of its
/// own.
fn possessive_ends(doc: &Doc, spans: &mut [Span]) {
    let possessive = |s: &Span| s.end - s.first >= 2 && matches!(doc.tok(s.end - 1), "'s" | "’s");
    if !spans.iter().any(possessive) {
        return;
    }
    let hash = |a: usize, b: usize| {
        super::features::lower_hash(&doc.text[doc.tokens[a].start..doc.tokens[b - 1].end])
    };
    // The names read with a possessive and those read bare, as sorted hashes (no hash table:
    // its code would weigh more in the wasm than this pass).
    let (mut with, mut bare): (Vec<u64>, Vec<u64>) = (Vec::new(), Vec::new());
    for s in spans.iter() {
        if possessive(s) {
            with.push(hash(s.first, s.end - 1));
        } else {
            bare.push(hash(s.first, s.end));
        }
    }
    crate::sort::sort_u64(&mut with);
    crate::sort::sort_u64(&mut bare);
    let count = |v: &[u64], h: u64| v.partition_point(|&x| x <= h) - v.partition_point(|&x| x < h);
    for s in spans.iter_mut() {
        if possessive(s) {
            let h = hash(s.first, s.end - 1);
            if count(&bare, h) > count(&with, h) {
                s.end -= 1;
            }
        }
    }
}

/// A name read on through "on" or "via" into a listed platform ends before it, and the platform is
/// a name of its own: "Follow BBC West on Facebook" (no gold name ends so; "Conference on
/// Disarmament" goes on into no listed name).
fn platform_tails(doc: &Doc, spans: &mut Vec<Span>) {
    let at = |s: &Span| {
        (s.end - s.first >= 3
            && matches!(doc.tok(s.end - 2), "on" | "via")
            && listed(&KNOWN_ORGS, doc.tok(s.end - 1)))
        .then(|| s.end - 2)
    };
    if !spans.iter().any(|s| at(s).is_some()) {
        return;
    }
    let mut out: Vec<Span> = Vec::with_capacity(spans.len() + 2);
    for s in spans.iter() {
        match at(s) {
            Some(k) => {
                out.push(Span { end: k, ..*s });
                out.push(Span {
                    first: k + 1,
                    ty: 1,
                    rule: "lexicon:org",
                    ..*s
                });
            }
            None => out.push(*s),
        }
    }
    *spans = out;
}

/// A listed organization's or a listed place's possessive opening a longer name is a name of its own:
/// "BBC's Strictly Come Dancing" (one organization) is the BBC and its show, "France's Socialist
/// Party" France and the party. (No gold name opens so: "Moody's Investors Service", "Queen's
/// Park" and "People's Daily" open with no such name.) The rest keeps the span's type, unless it
/// is a first name and more (a person).
fn possessive_starts(doc: &Doc, df: &DocFeats, spans: &mut Vec<Span>) {
    let head_ty = |s: &Span| {
        if s.end - s.first < 3
            || !matches!(doc.tok(s.first + 1), "'s" | "’s")
            || !doc.tokens[s.first + 2].cap
        {
            return None;
        }
        if listed(&KNOWN_ORGS, doc.tok(s.first)) {
            Some(1)
        } else if df.gaz(s.first) & (gazetteer::COUNTRY | gazetteer::PLACE) != 0 {
            Some(2)
        } else {
            None
        }
    };
    if !spans.iter().any(|s| head_ty(s).is_some()) {
        return;
    }
    let mut out: Vec<Span> = Vec::with_capacity(spans.len() + 2);
    for s in spans.iter() {
        match head_ty(s) {
            Some(ty) => {
                out.push(Span {
                    end: s.first + 1,
                    ty,
                    rule: "rule:possessive-split",
                    ..*s
                });
                // (A first name and more after it is a person: "the BBC's Jonny Dymond".)
                let person =
                    s.end - s.first >= 4 && df.gaz(s.first + 2) & gazetteer::FIRST_NAME != 0;
                out.push(Span {
                    first: s.first + 2,
                    ty: if person { 0 } else { s.ty },
                    rule: "rule:possessive-split",
                    ..*s
                });
            }
            None => out.push(*s),
        }
    }
    *spans = out;
}

/// A "person" listed between two places ("in Mosul, Baiji, and Tuz"; "San Jose, Palo Alto, San
/// Francisco") is a place: items of a list joined by commas and "and"/"or" share their kind. Not
/// a listed first name ("Paris, Jordan and Rome" may be a person's list too). And every person or
/// organization of a list opened by a kind of place ("the cities of …") is a place.
fn listed_places(doc: &Doc, df: &DocFeats, spans: &mut [Span]) {
    let mut order: Vec<usize> = (0..spans.len()).collect();
    crate::sort::sort_by_u64_key(&mut order, |&i| spans[i].first as u64);
    // Whether spans `p` and `q` are neighbours in a list: only ",", "and", "or", ", and" between.
    let joined = |p: &Span, q: &Span| match q.first.checked_sub(p.end) {
        Some(1) => matches!(doc.tok(p.end), "," | "and" | "or"),
        Some(2) => doc.tok(p.end) == "," && matches!(doc.tok(p.end + 1), "and" | "or"),
        _ => false,
    };
    // A list right after "the cities of", "countries like", "towns including", "states such
    // as" (an optional "the" between) is a list of places, whatever the model read ("the
    // communities of Franklin, Derry, Laconia, Nashua …" were people and organizations).
    let place_list_at = |first: usize| {
        let mut k = first;
        if k > 0 && doc.tok(k - 1) == "the" {
            k -= 1;
        }
        let cue = |i: usize| {
            listed(&PLACE_KINDS, doc.tok(i))
                && !doc.tokens[i].cap
                && doc.tokens[i].sentence == doc.tokens[first].sentence
        };
        k >= 2
            && (matches!(doc.tok(k - 1), "of" | "like" | "including") && cue(k - 2)
                || k >= 3 && doc.tok(k - 2) == "such" && doc.tok(k - 1) == "as" && cue(k - 3))
    };
    let mut in_list = false;
    for (j, &i) in order.iter().enumerate() {
        let s = spans[i];
        in_list = if j > 0 && in_list && joined(&spans[order[j - 1]], &s) {
            true
        } else {
            place_list_at(s.first)
        };
        // (People and organizations only: "signatory countries of the Millennium Declaration".)
        if in_list
            && matches!(TYPES[s.ty], Label::PER | Label::ORG)
            && df.gaz(s.first) & gazetteer::DEMONYM == 0
            && !listed(&GROUPS, doc.tok(s.first))
        {
            spans[i].ty = 2;
            spans[i].rule = "cue:list";
        }
    }
    for w in order.windows(3) {
        let (p, m, q) = (spans[w[0]], spans[w[1]], spans[w[2]]);
        if TYPES[m.ty] == Label::PER
            && TYPES[p.ty] == Label::LOC
            && TYPES[q.ty] == Label::LOC
            && joined(&p, &m)
            && joined(&m, &q)
            && df.gaz(m.first) & gazetteer::FIRST_NAME == 0
        {
            spans[w[1]].ty = 2;
            spans[w[1]].rule = "cue:list";
        }
    }
}

/// A name the model cut short where the document names a longer form of it ("Penn" before
/// "State" where "Penn State" is named elsewhere, "Tax Policy" before "Center") is that longer
/// form, with its type: the words that follow must be the longer form's, in no other name, not
/// "and" nor a possessive alone, and no capitalised word may follow the longer form on its line.
#[inline(never)]
fn longer_forms(doc: &Doc, spans: &mut [Span]) {
    let first_hash = |s: &Span| super::features::lower_hash(doc.tok(s.first));
    // The distinct names of several words (one of each text: a long text repeats them), by the
    // hash of their first word.
    const MAX_FORMS: usize = 16;
    let mut forms: Vec<(u64, u64, usize)> = (0..spans.len())
        .filter(|&k| (2..=6).contains(&(spans[k].end - spans[k].first)))
        .map(|k| {
            let text = super::features::lower_hash(span_text(doc, &spans[k]));
            (first_hash(&spans[k]), text, k)
        })
        .collect();
    if forms.is_empty() {
        return;
    }
    crate::sort::sort_by_u64_key(&mut forms, |f| f.1);
    forms.dedup_by_key(|f| f.1);
    crate::sort::sort_by_u64_key(&mut forms, |f| f.0);
    let mut covered = vec![false; doc.tokens.len()];
    for s in spans.iter() {
        covered[s.first..s.end].fill(true);
    }
    let mut changes: Vec<(usize, usize, usize)> = Vec::new();
    for (k, s) in spans.iter().enumerate() {
        let h = first_hash(s);
        let from = forms.partition_point(|f| f.0 < h);
        let mut best: Option<(usize, usize)> = None;
        // (At most a few forms per first word: a text of nothing but capitalised words has
        // thousands, and each name would otherwise be tried against all of them.)
        for &(_, _, f) in forms[from..]
            .iter()
            .take_while(|f| f.0 == h)
            .take(MAX_FORMS)
        {
            let form = &spans[f];
            let len = form.end - form.first;
            let end = s.first + len;
            if len <= s.end - s.first || end > doc.tokens.len() {
                continue;
            }
            // (Not a possessive alone, which `possessive_ends` weighed: "the Fed's stance".)
            let fits = (0..len).all(|o| doc.tok(s.first + o) == doc.tok(form.first + o))
                && !(end == s.end + 1 && matches!(doc.tok(s.end), "'s" | "’s"))
                && (s.end..end)
                    .all(|i| !covered[i] && !doc.tokens[i].newline_before && doc.tok(i) != "and")
                && doc
                    .tokens
                    .get(end)
                    .is_none_or(|t| t.newline_before || !(t.cap && t.kind == TokenKind::Word));
            if fits && best.is_none_or(|(e, _)| end > e) {
                best = Some((end, form.ty));
            }
        }
        if let Some((end, ty)) = best {
            changes.push((k, end, ty));
        }
    }
    for (k, end, ty) in changes {
        spans[k].end = end;
        spans[k].ty = ty;
        spans[k].rule = "doc:longer-form";
    }
}

fn agree_on_types(doc: &Doc, spans: &mut [Span]) {
    let mut votes: FxMap<&str, [f32; 4]> = FxMap::default();
    // (A dateline's place neither votes nor is outvoted: "NICE" the club, "NICE, France" the city.)
    for s in spans.iter().filter(|s| s.rule != DATELINE) {
        let v = votes.entry(span_text(doc, s)).or_default();
        v[s.ty] += s.conf;
        // A title only people carry is a strong vote ("President Bush … *** Bush also
        // nominated": the second read as MISC), unless a cue word typed the name ("the Emperor
        // Norton Bridge").
        if TYPES[s.ty] != Label::PER && s.rule == "model" && person_title_before(doc, s.first) {
            v[0] += 1.0;
        } else if TYPES[s.ty] == Label::PER && person_title_before(doc, s.first) {
            v[0] += s.conf;
        }
    }
    for s in spans.iter_mut().filter(|s| s.rule != DATELINE) {
        let v = votes[span_text(doc, s)];
        let best = (0..4)
            .max_by(|&a, &b| v[a].total_cmp(&v[b]))
            .unwrap_or(s.ty);
        if best != s.ty && v[best] > v[s.ty] {
            s.ty = best;
            s.rule = "doc:majority-type";
        }
    }
}

/// Words that, after a company's name, make the name a product's ("Apple Watch Ultra", "Google
/// Maps", "Microsoft Teams", "Xbox Series"): words that rarely end a company's own name (not
/// "TV", "Pro" or "Office": "BBC TV", the magazine "PC Pro", the Foreign Office).
#[rustfmt::skip]
const PRODUCT_WORDS: WordList = WordList::new(&[
    "air", "assistant", "chrome", "cloud", "copilot", "docs", "drive", "earth", "edition",
    "galaxy", "glass", "max", "maps", "messenger", "mini", "model", "music", "pad", "pay",
    "phone", "photos", "pixel", "play", "plus", "prime", "search", "series", "teams", "translate",
    "ultra", "vision", "watch",
]);

/// A name of several words that opens with an organization the document names alone ("Apple …
/// the Apple Watch Ultra", "Google … Google Maps") and goes on only with product words or
/// model numbers ("Boeing 737 Max", "Galaxy S24") is a product, whatever type the model read
/// ("Google Maps" was a person): MISC, as the gold sets type products, and so not an alias of
/// its maker when entities are merged. ("Goldman Sachs" and
/// "Deutsche Bank" go on with other words and stay organizations.)
fn products(doc: &Doc, spans: &mut [Span]) {
    // The organizations' lower-case hashes, sorted for binary search (a long text has thousands
    // of both names and organizations; the engine's own sort: a sort of strings is KBs of wasm).
    let mut orgs: Vec<u64> = Vec::new();
    for s in spans.iter() {
        if s.end - s.first == 1 && TYPES[s.ty] == Label::ORG {
            orgs.push(super::features::lower_hash(doc.tok(s.first)));
        }
    }
    if orgs.is_empty() {
        return;
    }
    crate::sort::sort_u64(&mut orgs);
    orgs.dedup();
    for s in spans.iter_mut() {
        if s.end - s.first < 2
            || orgs
                .binary_search(&super::features::lower_hash(doc.tok(s.first)))
                .is_err()
        {
            continue;
        }
        let product = (s.first + 1..s.end).all(|i| {
            let w = doc.tok(i);
            listed(&PRODUCT_WORDS, w) || model_number(w)
        });
        if product {
            s.ty = 3;
            s.rule = "rule:product";
        }
    }
}

/// A model number: short, with a digit and no lower-case letter ("737", "X5", "S24", "AV400"; not
/// the ISP "Freedom2surf"), and no period ([`period`]).
fn model_number(w: &str) -> bool {
    w.len() <= 6
        && w.bytes().any(|b| b.is_ascii_digit())
        && !w.bytes().any(|b| b.is_ascii_lowercase())
        && !period(w)
}

/// A quarter, half or fiscal year written short ("Q4", "H1", "FY2023"): a headline's "Newcrest Q4
/// net profit" names a company's results, not a product.
fn period(w: &str) -> bool {
    let b = w.as_bytes();
    matches!(b, [b'Q' | b'H', d] if d.is_ascii_digit()) || b.starts_with(b"FY")
}

/// A person's surname that is also a listed town ("MaliVai Washington", "Eamon Montgomery",
/// "Samuel L Jackson") is read by the model as a place right after the person's first name: the
/// two are one person when only a space parts them, the place ends the name (no capitalised word
/// after it) and no capitalised word comes before the person (a headline's run of names).
fn surname_places(doc: &Doc, df: &DocFeats, spans: &mut Vec<Span>) {
    let word = |i: usize| doc.tokens[i].cap && doc.tokens[i].kind == TokenKind::Word;
    let mut i = 0;
    while i + 1 < spans.len() {
        let (p, q) = (&spans[i], &spans[i + 1]);
        let joins = p.ty == 0
            && q.ty == 2
            && q.end == q.first + 1
            && p.end == q.first
            && (p.first..q.end).all(|k| word(k) && !doc.tokens[k].all_caps)
            && &doc.text[doc.tokens[p.end - 1].end..doc.tokens[q.first].start] == " "
            && df.gaz(q.first) & gazetteer::PLACE != 0
            && df.gaz(q.first) & gazetteer::COUNTRY == 0
            && (p.first == 0 || !word(p.first - 1))
            && doc
                .tokens
                .get(q.end)
                .is_none_or(|t| !t.cap || t.kind != TokenKind::Word);
        if joins {
            spans[i].end = spans[i + 1].end;
            spans[i].rule = "rule:surname-place";
            spans.remove(i + 1);
        }
        i += 1;
    }
}

/// A planet named alone ("Venus is in retrograde", "the rings of Saturn") is no person or place
/// of the news sets' kinds but a named thing (MISC), unless the document names a person with that
/// word ("Venus Williams", "Freddie Mercury"); a company of the name (ORG, "Mars") stays.
fn planets(doc: &Doc, spans: &mut [Span]) {
    const PLANETS: WordList = WordList::new(&[
        "jupiter", "mars", "mercury", "neptune", "pluto", "saturn", "uranus", "venus",
    ]);
    let planet = |s: &Span| {
        s.end == s.first + 1
            && matches!(TYPES[s.ty], Label::PER | Label::LOC)
            && doc.tokens[s.first].cap
            && !doc.tokens[s.first].all_caps
            && listed(&PLANETS, doc.tok(s.first))
    };
    if !spans.iter().any(planet) {
        return;
    }
    let person_word = |w: &str| {
        spans.iter().any(|p| {
            TYPES[p.ty] == Label::PER
                && p.end - p.first >= 2
                && (p.first..p.end).any(|i| doc.tok(i) == w)
        })
    };
    let found: Vec<usize> = (0..spans.len())
        .filter(|&k| planet(&spans[k]) && !person_word(doc.tok(spans[k].first)))
        .collect();
    for k in found {
        spans[k].ty = 3;
        spans[k].rule = "lexicon:planet";
    }
}

/// A one-word name that is the last word of a multi-word person name in the same document is that
/// person ("Fischler" after "Franz Fischler").
fn surnames(doc: &Doc, spans: &mut [Span]) {
    let mut last_words: FxMap<&str, usize> = FxMap::default();
    for s in spans.iter() {
        if TYPES[s.ty] == Label::PER && s.end - s.first >= 2 {
            last_words.entry(doc.tok(s.end - 1)).or_insert(s.first);
        }
    }
    for s in spans.iter_mut() {
        if s.end - s.first == 1
            && TYPES[s.ty] != Label::PER
            && last_words.contains_key(doc.tok(s.first))
        {
            s.ty = 0;
            s.rule = "doc:surname";
        }
    }
}

/// A name right after an abbreviated title and its dot is a person's, whatever the tagger read:
/// "state Del. Marcia Price" (a place once "Del." no longer ended the sentence), "Capt. Kidd".
/// Not after "St.", "Mt." or "Ft." ("St. Louis").
fn after_title_abbreviations(doc: &Doc, spans: &mut Vec<Span>) {
    let mut joined = false;
    for i in 0..spans.len() {
        let s = spans[i];
        if TYPES[s.ty] == Label::PER || s.first < 2 || !doc.tokens[s.first].cap {
            continue;
        }
        let (w, dot) = (doc.tok(s.first - 2), s.first - 1);
        if doc.tok(dot) == "."
            && !doc.tokens[dot].space_before
            && (2..=4).contains(&w.len())
            && !matches!(w, "St" | "Mt" | "Ft" | "ST" | "MT" | "FT")
            && doc.tokens[s.first - 2].cap
            && is_title(&format!("{w}."))
        {
            spans[i].ty = 0;
            spans[i].rule = "cue:title";
            // A person's name the model cut in two ("Sen. Elizabeth" a place, "Warren" a
            // person) is one.
            if let Some(j) = spans
                .iter()
                .position(|t| t.first == s.end && TYPES[t.ty] == Label::PER)
            {
                spans[i].end = spans[j].end;
                spans[j].end = spans[j].first;
                joined = true;
            }
        }
    }
    if joined {
        spans.retain(|s| s.end > s.first);
    }
}

/// A title before a surname the document names as a person alone at least twice, read as another
/// type's name, is that person: "Justice Gault" (an organization beside four "Gault"), "Ambassador
/// Stevens", "Pope Francis"; the title goes; not before a place's name. (Without a title, retyping the two words as a
/// person's full name was wrong as often as right: "Fort Lee", "Ready PAC", "Nintendo DS".)
fn titled_surnames(doc: &Doc, df: &DocFeats, spans: &mut [Span]) {
    let two = |s: &Span| {
        s.end - s.first == 2
            && TYPES[s.ty] != Label::PER
            && doc.tokens[s.first].cap
            && doc.tokens[s.first + 1].cap
            && doc.tokens[s.first].kind == TokenKind::Word
            && doc.tokens[s.first + 1].kind == TokenKind::Word
    };
    if !spans.iter().any(two) {
        return;
    }
    let mut alone: Vec<u64> = spans
        .iter()
        .filter(|s| TYPES[s.ty] == Label::PER && s.end - s.first == 1)
        .map(|s| df.lower(s.first))
        .collect();
    crate::sort::sort_u64(&mut alone);
    let count = |h: u64| alone.partition_point(|&x| x <= h) - alone.partition_point(|&x| x < h);
    for s in spans.iter_mut() {
        if !two(s) || count(df.lower(s.first + 1)) < 2 {
            continue;
        }
        // (Not a place's name: "Miss Saigon", the musical.)
        if !is_title(doc.tok(s.first))
            || df.gaz(s.first + 1) & (gazetteer::PLACE | gazetteer::COUNTRY) != 0
        {
            continue;
        }
        s.first += 1;
        s.ty = 0;
        s.rule = "rule:title-cut";
    }
}

/// A one-word "person" that is the first word of an organization's name of several words in the
/// same document is that organization named short ("Magna International … Magna said", "Rotor
/// Kazan … Rotor"): in CoNLL-2003 train 353 such gold words are ORG and 10 PER. Not when the
/// document names a person by the word ("Bob Dole … Dole" beside "Dole Food") or the word is a
/// listed first name. On CoNLL-2003 dev 12 right, 1 wrong (a MISC); CoNLL train unchanged; GUM
/// train 2 right, 2 wrong (of the 44 it retypes, 40 were wrong as people already).
fn company_short_names(doc: &Doc, df: &DocFeats, spans: &mut [Span]) {
    let key = |i: usize| super::features::lower_hash(doc.tok(i));
    // (A firm named "X & Y" is "X" for short even when X is a listed first name: "Marsh &
    // McLennan … Marsh said", "Simon & Schuster".)
    let (mut firsts, mut amp_firsts, mut surnames) = (Vec::new(), Vec::new(), Vec::new());
    for s in spans.iter().filter(|s| s.end - s.first >= 2) {
        match TYPES[s.ty] {
            Label::ORG if doc.tokens[s.first].cap => {
                firsts.push(key(s.first));
                if s.end - s.first >= 3 && doc.tok(s.first + 1) == "&" {
                    amp_firsts.push(key(s.first));
                }
            }
            Label::PER => surnames.push(key(s.end - 1)),
            _ => {}
        }
    }
    if firsts.is_empty() {
        return;
    }
    crate::sort::sort_u64(&mut firsts);
    crate::sort::sort_u64(&mut amp_firsts);
    crate::sort::sort_u64(&mut surnames);
    for s in spans.iter_mut() {
        if s.end - s.first == 1
            && TYPES[s.ty] == Label::PER
            && (df.gaz(s.first) & gazetteer::FIRST_NAME == 0
                || amp_firsts.binary_search(&key(s.first)).is_ok())
            && firsts.binary_search(&key(s.first)).is_ok()
            && surnames.binary_search(&key(s.first)).is_err()
        {
            s.ty = 1;
            s.rule = "doc:company-short";
        }
    }
}

/// Adds untagged repeats of names tagged elsewhere in the document: the exact same capitalised
/// token sequence, a person's surname alone, or a multi-word name written in lower case ("white
/// house"). Names are keyed by their first word's lower-case hash, so the pass is linear.
/// Headlines in title case ("Warren Hammers Wells Fargo CEO: ‘You Should Be Investigated’"):
/// every word is capitalised, so capitals say nothing and the model reads runs of words as names.
/// On such a line (a sentence alone on its line, four in five of its longer words capitalised, at
/// least one of them written in lower case elsewhere in the document) only names that the rest of
/// the document also names are kept; [`repeat_missed`] then finds the document's names there.
fn title_case_lines(doc: &Doc, df: &DocFeats, spans: &mut Vec<Span>) {
    let n = doc.tokens.len();
    let mut title = vec![false; doc.sentences.len()];
    for (si, s) in doc.sentences.iter().enumerate() {
        let line_start = s.first == 0 || doc.tokens.get(s.first).is_some_and(|t| t.newline_before);
        let line_end = s.last >= n || doc.tokens.get(s.last).is_some_and(|t| t.newline_before);
        if !line_start || !line_end {
            continue;
        }
        let (mut content, mut caps, mut styled) = (0, 0, 0);
        for i in s.first..s.last.min(n) {
            let t = &doc.tokens[i];
            if t.kind != TokenKind::Word || t.all_caps || doc.tok(i).chars().count() < 4 {
                continue;
            }
            content += 1;
            if t.cap {
                caps += 1;
                if i > s.first && df.lower_elsewhere(i) {
                    styled += 1;
                }
            }
        }
        title[si] = content >= 3 && caps * 5 >= content * 4 && styled >= 1;
    }
    if !title.contains(&true) {
        return;
    }
    let in_title = |s: &Span| {
        doc.tokens
            .get(s.first)
            .and_then(|t| title.get(t.sentence as usize))
            .copied()
            .unwrap_or(false)
    };
    let key = |s: &Span| {
        (s.first..s.end).fold(0u64, |h, i| {
            (h ^ df.lower(i)).wrapping_mul(0x0000_0100_0000_01b3)
        })
    };
    let confirmed: crate::hash::FxSet<u64> =
        spans.iter().filter(|s| !in_title(s)).map(key).collect();
    spans.retain(|s| !in_title(s) || confirmed.contains(&key(s)));
}

/// Listed places written in lower case, as web text often does ("moved to mexico", "living in
/// greater noida"): the tagger reads case and passes them over. A run of lower-case words that is
/// a listed place of two words or more, or a listed country that is rare in news text as a word
/// ("vietnam", not "us", "reunion"), its words not all everyday ones ("high point"); not a first
/// name or a nationality too ("jordan", "thai"); not part of a web or e-mail address. (One-word cities only after "in", "to", "from", "near" and when rare
/// as words: too many are English words too, "orange", "bath", "delta", and the shipped lists
/// cannot tell them apart.)
/// A lower-case one-word city after "in", "to", "from", "near" is a place when its word is this
/// rare in news text at most ("in auckland", not "in bath"; UNER-EWT dev: 5 right, none wrong).
const LOWER_PLACE_COMMON: f32 = 0.2;
/// Above this commonness every word of a lower-case "place" of several words is an everyday word.
const LOWER_PHRASE_COMMON: f32 = 0.5;

#[inline(never)]
fn lower_case_places(doc: &Doc, df: &DocFeats, spans: &mut Vec<Span>) {
    const PLACE: u8 = gazetteer::COUNTRY | gazetteer::PLACE;
    let mut covered = vec![false; doc.tokens.len()];
    for s in spans.iter() {
        covered[s.first..s.end].fill(true);
    }
    let lower_place = |i: usize| {
        let t = &doc.tokens[i];
        !covered[i]
            && t.kind == TokenKind::Word
            && !t.cap
            && df.gaz(i) & PLACE != 0
            && df.gaz(i) & gazetteer::FIRST_NAME == 0
    };
    let mut i = 0;
    while i < doc.tokens.len() {
        if !lower_place(i) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < doc.tokens.len()
            && lower_place(end)
            && doc.tokens[end].sentence == doc.tokens[i].sentence
        {
            end += 1;
        }
        let w = doc.tok(i);
        // (Countries that are English words too: "a turkey", "the jersey", "a reunion tour".)
        let word = matches!(
            w,
            "chad" | "guernsey" | "guinea" | "jersey" | "reunion" | "turkey"
        );
        // (A place of several words that are all common ones is a phrase: "the high point".)
        let common_words = (i..end).all(|k| {
            crate::topics::words::commonness(doc.tok(k)).is_some_and(|c| c >= LOWER_PHRASE_COMMON)
        });
        let ok = !is_function_word(w)
            && !word
            && w.len() >= 4
            && (end - i >= 2 && !common_words
                || (df.gaz(i) & (gazetteer::COUNTRY | gazetteer::DEMONYM) == gazetteer::COUNTRY
                    && crate::topics::words::commonness(w).is_none_or(|c| c < 0.45))
                || i > 0
                    && matches!(doc.tok(i - 1), "in" | "to" | "from" | "near")
                    && crate::topics::words::commonness(w).is_none_or(|c| c < LOWER_PLACE_COMMON))
            && !in_address(doc, i, end);
        if ok {
            spans.push(Span {
                first: i,
                end,
                ty: 2,
                conf: 0.6,
                rule: "lexicon:lower-case-place",
            });
        }
        i = end;
    }
}

/// A known institution of one word ("Google", "NATO", "BBC") that the model passed over ("Google
/// has finally had an analyst day" opening a blog post): the organization.
#[inline(never)]
fn missed_known_orgs(doc: &Doc, spans: &mut Vec<Span>) {
    let mut covered: Option<Vec<bool>> = None;
    let mut found = Vec::new();
    for (i, t) in doc.tokens.iter().enumerate() {
        // (Capitalised, or with a capital second letter: "eBay".)
        let w = doc.tok(i);
        let capital = t.cap || w.as_bytes().get(1).is_some_and(u8::is_ascii_uppercase);
        if !capital || t.kind != TokenKind::Word || !listed(&KNOWN_ORGS, w) {
            continue;
        }
        let covered = covered.get_or_insert_with(|| {
            let mut c = vec![false; doc.tokens.len()];
            for s in spans.iter() {
                c[s.first..s.end].fill(true);
            }
            c
        });
        if !covered[i] {
            found.push(Span {
                first: i,
                end: i + 1,
                ty: 1,
                conf: 0.6,
                rule: "lexicon:org",
            });
        }
    }
    spans.extend(found);
}

/// A listed organization's name right before a name of one or two capitalised words, on the same
/// line, is one name with it, as the gold sets annotate them ("BBC News" ORG, "Google Analytics"
/// MISC): the tagger reads "BBC West" as two organizations. A product's (MISC) type is kept. Not
/// after an institution's one-word name ("Senate", "Congress").
fn known_org_heads(doc: &Doc, spans: &mut Vec<Span>) {
    // (Companies and broadcasters: "Senate Democratic leader", "Congress Party" are other
    // constructions.)
    let head = |s: &Span| {
        s.end - s.first == 1
            && listed(&KNOWN_ORGS, doc.tok(s.first))
            && !matches!(
                doc.tok(s.first),
                "Senate" | "Congress" | "Commons" | "NATO" | "Pentagon" | "Mossad"
            )
    };
    // (The spans come sorted by their first token.)
    if !spans.iter().any(head) {
        return;
    }
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    let mut k = 0;
    while k < spans.len() {
        let s = spans[k];
        if let Some(n) = spans.get(k + 1).filter(|n| {
            head(&s)
                && n.first == s.end
                && (1..=2).contains(&(n.end - n.first))
                && !doc.tokens[n.first].newline_before
                && doc.tokens[n.first].sentence == doc.tokens[s.first].sentence
                && (n.first..n.end)
                    .all(|i| doc.tokens[i].cap && doc.tokens[i].kind == TokenKind::Word)
                && !listed(&KNOWN_ORGS, doc.tok(n.first))
                && TYPES[n.ty] != Label::PER
        }) {
            out.push(Span {
                end: n.end,
                ty: if TYPES[n.ty] == Label::MISC { 3 } else { 1 },
                rule: "rule:joined",
                ..s
            });
            k += 2;
            continue;
        }
        out.push(s);
        k += 1;
    }
    *spans = out;
}

/// Whether tokens `first..end` are part of a web or e-mail address ("biomed.taiwan",
/// "mail@kerala.com"): joined to a neighbour by `.`, `@` or `/` without a space.
fn in_address(doc: &Doc, first: usize, end: usize) -> bool {
    let joiner = |k: usize| matches!(doc.tok(k), "." | "@" | "/");
    let before = first > 0 && !doc.tokens[first].space_before && joiner(first - 1);
    let after = end + 1 < doc.tokens.len()
        && !doc.tokens[end].space_before
        && joiner(end)
        && !doc.tokens[end + 1].space_before;
    before || after
}

fn repeat_missed(doc: &Doc, df: &DocFeats, spans: &mut Vec<Span>) {
    struct Known {
        first: usize,
        len: usize,
        ty: usize,
        multi: bool,
        /// Read as a name at a sentence's start (so a sentence-initial repeat is one too).
        opens: bool,
    }
    let n = doc.tokens.len();
    // The lower-cased hashes the features computed already (one per distinct text).
    let lower = |i: usize| df.lower(i);
    let mut known: HashKeyed<Vec<Known>> = HashKeyed::default();
    let same = |a: usize, b: usize, len: usize| (0..len).all(|k| lower(a + k) == lower(b + k));
    let opens = |i: usize| doc.sentences[doc.tokens[i].sentence as usize].first == i;
    let add =
        |known: &mut HashKeyed<Vec<Known>>, first: usize, len: usize, ty: usize, multi: bool| {
            let entry = known.entry(lower(first)).or_default();
            if let Some(k) = entry
                .iter_mut()
                .find(|k| k.len == len && same(k.first, first, len))
            {
                k.opens |= opens(first);
            } else if entry.len() < 16 {
                entry.push(Known {
                    first,
                    len,
                    ty,
                    multi,
                    opens: opens(first),
                });
            }
        };
    for s in spans.iter() {
        let len = s.end - s.first;
        // A person's surname alone is the person ("Putin" after "Vladimir Putin").
        if len >= 2 && TYPES[s.ty] == Label::PER && doc.tokens[s.end - 1].cap {
            add(&mut known, s.end - 1, 1, s.ty, false);
        }
        add(&mut known, s.first, len, s.ty, len >= 2);
    }
    if known.is_empty() {
        return;
    }
    for v in known.values_mut() {
        // Longest first, so "New York City" wins over "New York".
        crate::sort::sort_by_u64_key(v, |k| u64::MAX - k.len as u64);
    }
    let mut covered = vec![false; n];
    for s in spans.iter() {
        for c in &mut covered[s.first..s.end] {
            *c = true;
        }
    }
    let mut added = Vec::new();
    let mut i = 0;
    while i < n {
        if covered[i] || doc.tokens[i].kind != TokenKind::Word {
            i += 1;
            continue;
        }
        let Some(cands) = known.get(&lower(i)) else {
            i += 1;
            continue;
        };
        let mut hit = None;
        for k in cands {
            let end = i + k.len;
            if end > n || covered[i..end].iter().any(|&c| c) || !same(k.first, i, k.len) {
                continue;
            }
            if doc.tokens[end - 1].sentence != doc.tokens[i].sentence {
                continue;
            }
            let capitalised = doc.tokens[i].cap;
            let sent_start = doc.sentences[doc.tokens[i].sentence as usize].first == i;
            // A lower-case repeat counts only for multi-word names (a lower-case "bush" is a
            // plant); a capitalised one-word repeat at a sentence start is ambiguous ("Will"),
            // unless the name was read at a sentence start itself ("Arsenal beat …").
            // Lower-case repeats need an organization name and a determiner or possessive before
            // them ("Biden's white house", "the white house"); "human rights" after "Human
            // Rights Watch" is a phrase, not a name.
            let ok = if capitalised {
                (k.multi || !sent_start || k.opens) && doc.tok(i).chars().count() > 1
            } else {
                k.multi
                    && TYPES[k.ty] == Label::ORG
                    && i > 0
                    && matches!(doc.tok(i - 1), "the" | "The" | "’s" | "'s")
                    && (i..end).all(|j| doc.tok(j).chars().all(char::is_alphabetic))
            };
            if ok {
                hit = Some((end, k.ty, capitalised));
                break;
            }
        }
        match hit {
            Some((end, ty, capitalised)) => {
                added.push(Span {
                    first: i,
                    end,
                    ty,
                    conf: if capitalised { 0.7 } else { 0.6 },
                    rule: if capitalised {
                        "doc:repeat"
                    } else {
                        "doc:lowercase-alias"
                    },
                });
                i = end;
            }
            None => i += 1,
        }
    }
    spans.extend(added);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The texts of the spans after [`split_runs`] of one person span over `first..end`.
    fn split(text: &str, first: &str, last: &str) -> Vec<String> {
        let doc = Doc::new(text);
        let df = DocFeats::new(&doc, gazetteer::shipped());
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
        let last_at = |w: &str| (0..doc.tokens.len()).rfind(|&i| doc.tok(i) == w).unwrap();
        let mut spans = vec![Span {
            first: at(first),
            end: last_at(last) + 1,
            ty: 0,
            conf: 1.0,
            rule: "model",
        }];
        assert_eq!(TYPES[0], Label::PER);
        split_runs(&doc, &df, &mut spans);
        spans
            .iter()
            .map(|s| span_text(&doc, s).to_string())
            .collect()
    }

    /// A team sheet's people split at semicolons and at commas before an initial; initials alone
    /// are no name; "surname, first name" stays one.
    #[test]
    fn lists_of_people_split_at_separators() {
        assert_eq!(
            split(
                "Team: T Smith, G Bulloch, G Kerr; S Grimes, S Murray; S Taylor, J Petrie.",
                "T",
                "Petrie"
            ),
            [
                "T Smith",
                "G Bulloch",
                "G Kerr",
                "S Grimes",
                "S Murray",
                "S Taylor",
                "J Petrie"
            ]
        );
        assert_eq!(
            split(
                "Duckworth, A. L.; Peterson, C.; Matthews, M. D.",
                "C",
                "Matthews"
            ),
            ["Matthews"]
        );
        assert_eq!(
            split("Lenhart, Matthew wrote.", "Lenhart", "Matthew"),
            ["Lenhart, Matthew"]
        );
    }

    /// A title of nobility before one name that the model typed otherwise is cut off, and the
    /// rest is a person; before an office or a longer name it stays.
    #[test]
    fn nobility_titles_before_a_name_are_cut() {
        let doc = Doc::new(
            "\"Fine,\" says Lord Ricketts. Baroness Hallett spoke. The Lord Advocate came. Lord \
             Howe Island is far.",
        );
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
        let mut spans: Vec<Span> = [
            ("Ricketts", 2),
            ("Hallett", 2),
            ("Advocate", 2),
            ("Howe", 3),
        ]
        .iter()
        .map(|&(w, len)| Span {
            first: at(w) - 1,
            end: at(w) - 1 + len,
            ty: 2,
            conf: 1.0,
            rule: "model",
        })
        .collect();
        strip_titles(&doc, &mut spans);
        let got: Vec<(&str, Label)> = spans
            .iter()
            .map(|s| (span_text(&doc, s), TYPES[s.ty]))
            .collect();
        assert_eq!(
            got,
            [
                ("Ricketts", Label::PER),
                ("Hallett", Label::PER),
                ("Lord Advocate", Label::LOC),
                ("Lord Howe Island", Label::LOC),
            ]
        );
    }

    /// A capitalised role word opening a person's name before a first name and a surname goes;
    /// a surname that is a role word stays ("Chris Singer").
    #[test]
    fn roles_before_a_person_are_cut() {
        let doc = Doc::new(
            "Singer Sam Endicott spoke. Chris Singer spoke. Singer Endicott left. Actress Ana de \
             Armas came.",
        );
        let span = |first: usize, len: usize| Span {
            first,
            end: first + len,
            ty: 0,
            conf: 1.0,
            rule: "model",
        };
        let mut spans = vec![span(0, 3), span(5, 2), span(9, 2), span(13, 4)];
        strip_titles(&doc, &mut spans);
        let got: Vec<&str> = spans.iter().map(|s| span_text(&doc, s)).collect();
        assert_eq!(
            got,
            [
                "Sam Endicott",
                "Chris Singer",
                "Singer Endicott",
                "Ana de Armas"
            ]
        );
    }

    /// A capitalised role inside another type's span: the person after it split off, the role
    /// dropped, the name before it kept; not before an institution's word.
    #[test]
    fn people_after_a_capitalised_role_are_split_off() {
        let doc = Doc::new(
            "Actress Sandra Bullock gave. Labour MP Barry Sheerman spoke. Queen Elizabeth \
             University Hospital opened. Rival Hillary Clinton said. YouTuber Bailey Sarian \
             talked.",
        );
        let df = DocFeats::new(&doc, gazetteer::shipped());
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
        let mut spans: Vec<Span> = [
            ("Actress", 3),
            ("Labour", 4),
            ("Queen", 4),
            ("Rival", 3),
            ("YouTuber", 3),
        ]
        .iter()
        .map(|&(w, len)| Span {
            first: at(w),
            end: at(w) + len,
            ty: 1,
            conf: 1.0,
            rule: "model",
        })
        .collect();
        split_person_after_role(&doc, &df, &mut spans);
        let got: Vec<(&str, Label)> = spans
            .iter()
            .map(|s| (span_text(&doc, s), TYPES[s.ty]))
            .collect();
        assert_eq!(
            got,
            [
                ("Sandra Bullock", Label::PER),
                ("Labour", Label::ORG),
                ("Barry Sheerman", Label::PER),
                ("Queen Elizabeth University Hospital", Label::ORG),
                ("Hillary Clinton", Label::PER),
                ("Bailey Sarian", Label::PER),
            ]
        );
    }

    /// A listed company's or broadcaster's name before a name of one or two capitalised words
    /// is one name with it; not after "Senate", nor before a person.
    #[test]
    fn known_organizations_head_the_name_after_them() {
        let doc =
            Doc::new("Follow BBC West now. The Senate Democratic leader spoke. Google Larry Page.");
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
        let span = |w: &str, len: usize, ty: usize| Span {
            first: at(w),
            end: at(w) + len,
            ty,
            conf: 1.0,
            rule: "model",
        };
        let mut spans = vec![
            span("BBC", 1, 1),
            span("West", 1, 2),
            span("Senate", 1, 1),
            span("Democratic", 1, 3),
            span("Google", 1, 1),
            span("Larry", 2, 0),
        ];
        known_org_heads(&doc, &mut spans);
        let got: Vec<(&str, Label)> = spans
            .iter()
            .map(|s| (span_text(&doc, s), TYPES[s.ty]))
            .collect();
        assert_eq!(
            got,
            [
                ("BBC West", Label::ORG),
                ("Senate", Label::ORG),
                ("Democratic", Label::MISC),
                ("Google", Label::ORG),
                ("Larry Page", Label::PER),
            ]
        );
    }

    /// A name read on through "on" into a listed platform ends before it, the platform a name
    /// of its own; "Conference on Disarmament" stays.
    #[test]
    fn platforms_after_on_are_names_of_their_own() {
        let doc = Doc::new("Follow BBC West on Facebook. The Conference on Disarmament met.");
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
        let span = |w: &str, len: usize, ty: usize| Span {
            first: at(w),
            end: at(w) + len,
            ty,
            conf: 1.0,
            rule: "model",
        };
        let mut spans = vec![span("BBC", 4, 1), span("Conference", 3, 3)];
        platform_tails(&doc, &mut spans);
        let got: Vec<(&str, Label)> = spans
            .iter()
            .map(|s| (span_text(&doc, s), TYPES[s.ty]))
            .collect();
        assert_eq!(
            got,
            [
                ("BBC West", Label::ORG),
                ("Facebook", Label::ORG),
                ("Conference on Disarmament", Label::MISC),
            ]
        );
    }

    /// A listed organization's or a country's possessive opening a name is split off; other
    /// possessives inside names stay.
    #[test]
    fn possessives_of_known_names_open_no_name() {
        let doc = Doc::new(
            "It beat the BBC's Strictly Come Dancing. France's Socialist Party won. Moody's \
             Investors Service cut it.",
        );
        let df = DocFeats::new(&doc, gazetteer::shipped());
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
        let mut spans: Vec<Span> = [("BBC", 5), ("France", 4), ("Moody", 4)]
            .iter()
            .map(|&(w, len)| Span {
                first: at(w),
                end: at(w) + len,
                ty: 1,
                conf: 1.0,
                rule: "model",
            })
            .collect();
        possessive_starts(&doc, &df, &mut spans);
        let got: Vec<(&str, Label)> = spans
            .iter()
            .map(|s| (span_text(&doc, s), TYPES[s.ty]))
            .collect();
        assert_eq!(
            got,
            [
                ("BBC", Label::ORG),
                ("Strictly Come Dancing", Label::ORG),
                ("France", Label::LOC),
                ("Socialist Party", Label::ORG),
                ("Moody's Investors Service", Label::ORG),
            ]
        );
    }

    /// A bracket opened inside a name and not closed there is cut off with what follows it;
    /// one the name closes stays.
    #[test]
    fn unclosed_brackets_end_names() {
        let doc = Doc::new("Attorney General Roy Cooper (D) spoke to Radnicki (N) fans.");
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
        let span = |a: usize, b: usize| Span {
            first: a,
            end: b,
            ty: 0,
            conf: 1.0,
            rule: "model",
        };
        let cut = trim(&doc, span(at("Roy"), at("D") + 1)).unwrap();
        assert_eq!(span_text(&doc, &cut), "Roy Cooper");
        let cut = trim(&doc, span(at("Roy"), at("D") + 2)).unwrap();
        assert_eq!(span_text(&doc, &cut), "Roy Cooper");
        let whole = trim(&doc, span(at("Radnicki"), at("N") + 2)).unwrap();
        assert_eq!(span_text(&doc, &whole), "Radnicki (N)");
        assert!(trim(&doc, span(at("("), at("D") + 1)).is_none());
        // (A word after the bracket with a multi-byte second character: found by the fuzzer.)
        let doc = Doc::new("Roy Cooper (Dé) spoke.");
        let cut = trim(&doc, span(0, 5)).unwrap();
        assert_eq!(span_text(&doc, &cut), "Roy Cooper (Dé)");
    }

    /// A name after an abbreviated title and its dot is a person; after "St." a place stays.
    #[test]
    fn names_after_title_abbreviations_are_people() {
        let doc = Doc::new("His niece, state Del. Marcia Price, spoke in St. Louis today.");
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
        let span = |w: &str, len: usize| Span {
            first: at(w),
            end: at(w) + len,
            ty: 2,
            conf: 1.0,
            rule: "model",
        };
        let mut spans = vec![span("Marcia", 2), span("Louis", 1)];
        after_title_abbreviations(&doc, &mut spans);
        assert_eq!(
            spans.iter().map(|s| TYPES[s.ty]).collect::<Vec<_>>(),
            [Label::PER, Label::LOC]
        );
        // A name cut in two by the model is joined: one person.
        let doc = Doc::new("Sen. Elizabeth Warren spoke.");
        let mut spans = vec![
            Span {
                first: 2,
                end: 3,
                ty: 2,
                conf: 1.0,
                rule: "model",
            },
            Span {
                first: 3,
                end: 4,
                ty: 0,
                conf: 1.0,
                rule: "model",
            },
        ];
        after_title_abbreviations(&doc, &mut spans);
        assert_eq!(
            spans
                .iter()
                .map(|s| (s.first, s.end, TYPES[s.ty]))
                .collect::<Vec<_>>(),
            [(2, 4, Label::PER)]
        );
    }

    /// A title before a surname named alone as a person twice: the person; once is not enough.
    #[test]
    fn titled_surnames_are_people() {
        let doc = Doc::new("Gault ruled. Gault said no. Justice Gault spoke. Justice Mills came.");
        let df = DocFeats::new(&doc, gazetteer::shipped());
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
        let one = |i: usize, len: usize, ty: usize| Span {
            first: i,
            end: i + len,
            ty,
            conf: 1.0,
            rule: "model",
        };
        let justice: Vec<usize> = (0..doc.tokens.len())
            .filter(|&i| doc.tok(i) == "Justice")
            .collect();
        let mut spans = vec![
            one(at("Gault"), 1, 0),
            one(at("Gault") + 3, 1, 0),
            one(justice[0], 2, 1),
            one(justice[1], 2, 1),
        ];
        titled_surnames(&doc, &df, &mut spans);
        let got: Vec<(&str, Label)> = spans[2..]
            .iter()
            .map(|s| (span_text(&doc, s), TYPES[s.ty]))
            .collect();
        assert_eq!(got, [("Gault", Label::PER), ("Justice Mills", Label::ORG)]);
    }

    /// A number word before a first and a last name is cut off, and the rest is a person; a
    /// number word before anything else stays.
    #[test]
    fn number_words_before_a_person_are_cut() {
        let doc =
            Doc::new("Six Chris Paterson penalties won it. Five Nations Cup. Six Flags Park.");
        let df = DocFeats::new(&doc, gazetteer::shipped());
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
        for (first, len, want, ty) in [
            ("Six", 3, "Chris Paterson", 0),
            ("Five", 3, "Five Nations Cup", 3),
            ("Flags", 0, "", 0),
        ] {
            if len == 0 {
                continue;
            }
            let mut s = Span {
                first: at(first),
                end: at(first) + len,
                ty: 3,
                conf: 1.0,
                rule: "model",
            };
            number_opener(&doc, &df, &mut s);
            assert_eq!((span_text(&doc, &s), s.ty), (want, ty), "{first}");
        }
    }

    #[test]
    fn runs_of_names_split_at_repeats_greetings_and_first_names() {
        assert_eq!(
            split("Thanks, Renee Renee, the plan works.", "Renee", "Renee"),
            ["Renee", "Renee"]
        );
        assert_eq!(
            split(
                "We will meet. Debra Perlingiere Debra Perlingiere Please call.",
                "Debra",
                "Please"
            ),
            ["Debra Perlingiere", "Debra Perlingiere"]
        );
        assert_eq!(
            split(
                "Yes. Vince Dear Dr. Vincent Kaminski, hello.",
                "Vince",
                "Kaminski"
            ),
            ["Vince", "Dr. Vincent Kaminski"]
        );
        assert_eq!(
            split(
                "Attendees: Pam Butler Renee Ratcliff Larry Lewis.",
                "Pam",
                "Lewis"
            ),
            ["Pam Butler", "Renee Ratcliff", "Larry Lewis"]
        );
    }

    #[test]
    fn contractions_of_pronouns_are_function_words() {
        assert!(is_function_word("I've") && is_function_word("We’re"));
        assert!(!is_function_word("O'Neill") && !is_function_word("Ive"));
        // Forms of "be" and "have" are never a name alone; months and "Will" may be.
        assert!(never_alone("Be") && never_alone("IS") && never_alone("has"));
        assert!(never_alone("There") && never_alone("However") && never_alone("Alright"));
        assert!(never_alone("Posted") && never_alone("Again"));
        assert!(!never_alone("May") && !never_alone("Will") && !never_alone("Ben"));
    }

    #[test]
    fn whole_names_are_not_split() {
        for (text, first, last) in [
            ("He beat Miguel Angel Martin on Sunday.", "Miguel", "Martin"),
            ("US captain Billie Jean King said so.", "Billie", "King"),
            ("Then Aravinda de Silva batted.", "Aravinda", "Silva"),
            ("1914 - James Alfred Van Allen born.", "James", "Allen"),
            (
                "The author Michael J. McDermott wrote.",
                "Michael",
                "McDermott",
            ),
            ("Kent 108 (A. Smith 52).", "A", "Smith"),
            ("He lives in The Hague now.", "The", "Hague"),
            (
                "I sent it to Mobile Phone Exchange today.",
                "Mobile",
                "Exchange",
            ),
            ("We saw Duran Duran live.", "Duran", "Duran"),
            (
                "Reported by Julie Hirschfeld Davis today.",
                "Julie",
                "Davis",
            ),
            (
                "President Luiz Inacio Lula da Silva spoke.",
                "Luiz",
                "Silva",
            ),
            ("The explorer Robert Falcon Scott died.", "Robert", "Scott"),
            ("Minister Ahmad Abu Al Soud said.", "Ahmad", "Soud"),
        ] {
            let name = &text[text.find(first).unwrap()..text.rfind(last).unwrap() + last.len()];
            assert_eq!(split(text, first, last), [name], "{text}");
        }
    }

    #[test]
    fn a_name_does_not_end_in_a_lower_case_word() {
        let trimmed = |text: &str, first: &str, last: &str| {
            let doc = Doc::new(text);
            let at = |w: &str| (0..doc.tokens.len()).rfind(|&i| doc.tok(i) == w).unwrap();
            let span = Span {
                first: at(first),
                end: at(last) + 1,
                ty: 1,
                conf: 1.0,
                rule: "model",
            };
            trim(&doc, span).map(|s| span_text(&doc, &s).to_string())
        };
        let t = trimmed("Shares in UK Coal have fallen.", "UK", "have");
        assert_eq!(t.as_deref(), Some("UK Coal"));
        let t = trimmed("He said the Fed considers it.", "Fed", "considers");
        assert_eq!(t.as_deref(), Some("Fed"));
        for (text, first, last, name) in [
            (
                "He works at the Bank of England now.",
                "Bank",
                "England",
                "Bank of England",
            ),
            (
                "She bought an Apple iPhone there.",
                "Apple",
                "iPhone",
                "Apple iPhone",
            ),
            (
                "Read it on Seattlepi.com today.",
                "Seattlepi",
                "com",
                "Seattlepi.com",
            ),
            ("It ran Windows 10 again.", "Windows", "10", "Windows 10"),
        ] {
            assert_eq!(trimmed(text, first, last).as_deref(), Some(name), "{text}");
        }
        // A one-word span is left to the later filters.
        assert_eq!(
            trimmed("He said so.", "said", "said").as_deref(),
            Some("said")
        );
        // A sentence's opening word is not part of the name that follows it.
        let t = trimmed(
            "Ann left. During Rosati's term it fell.",
            "During",
            "Rosati",
        );
        assert_eq!(t.as_deref(), Some("Rosati"));
        let t = trimmed("They met Before Sunset Films.", "Before", "Films");
        assert_eq!(t.as_deref(), Some("Before Sunset Films"));
    }

    /// A name after a title only people carry votes strongly for a person in the document's
    /// type vote.
    #[test]
    fn a_title_votes_for_a_person() {
        let vote = |text: &str| {
            let doc = Doc::new(text);
            let bush: Vec<usize> = (0..doc.tokens.len())
                .filter(|&i| doc.tok(i) == "Bush")
                .collect();
            let span = |k: usize, ty: usize, conf: f32| Span {
                first: bush[k],
                end: bush[k] + 1,
                ty,
                conf,
                rule: "model",
            };
            let mut spans = [span(0, 0, 0.6), span(1, 3, 0.5), span(2, 3, 0.6)];
            agree_on_types(&doc, &mut spans);
            spans.map(|s| TYPES[s.ty])
        };
        assert_eq!(
            vote("President Bush spoke. Bush left. *** Bush came."),
            [Label::PER; 3]
        );
        // Without the title, the majority stands.
        assert_eq!(
            vote("Then Bush spoke. Bush left. *** Bush came."),
            [Label::MISC; 3]
        );
    }

    #[test]
    fn one_capitalised_word_left_out_of_a_name_is_put_back() {
        let joined = |text: &str, a: (&str, usize), b: (&str, usize), ty: usize| {
            let doc = Doc::new(text);
            let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
            let span = |(w, len): (&str, usize)| Span {
                first: at(w),
                end: at(w) + len,
                ty,
                conf: 1.0,
                rule: "model",
            };
            let mut spans = vec![span(a), span(b)];
            join_adjacent(&doc, &mut spans);
            spans
                .iter()
                .map(|s| span_text(&doc, s).to_string())
                .collect::<Vec<_>>()
        };
        let text = "He signed the North American Free Trade Agreement then.";
        assert_eq!(
            joined(text, ("North", 2), ("Trade", 2), 3),
            ["North American Free Trade Agreement"]
        );
        // Not people or places, not across a function word or a hyphenated modifier.
        assert_eq!(joined(text, ("North", 2), ("Trade", 2), 0).len(), 2);
        let text = "The San Francisco-based Balco lab and With A Little Help.";
        assert_eq!(joined(text, ("San", 1), ("Balco", 1), 1).len(), 2);
        assert_eq!(joined(text, ("With", 1), ("Little", 2), 3).len(), 2);
    }

    #[test]
    fn a_period_after_a_word_ends_a_name() {
        let cut = |text: &str, first: &str, last: &str| {
            let doc = Doc::new(text);
            let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
            let mut spans = vec![Span {
                first: at(first),
                end: at(last) + 1,
                ty: 0,
                conf: 1.0,
                rule: "model",
            }];
            split_at_periods(&doc, &mut spans);
            span_text(&doc, &spans[0]).to_string()
        };
        assert_eq!(
            cut(
                "\"No songs for Hillary. Obama had some.\"",
                "Hillary",
                "Obama"
            ),
            "Hillary"
        );
        // Not after an initial or an abbreviation.
        assert_eq!(
            cut("By John F. Kennedy today.", "John", "Kennedy"),
            "John F. Kennedy"
        );
        assert_eq!(cut("At Acme Co. Ltd today.", "Acme", "Ltd"), "Acme Co. Ltd");
    }

    #[test]
    fn a_members_seat_is_a_place() {
        let split = |text: &str, first: &str, last: &str| {
            let doc = Doc::new(text);
            let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
            let mut spans = vec![Span {
                first: at(first),
                end: at(last) + 1,
                ty: 1,
                conf: 1.0,
                rule: "model",
            }];
            constituencies(&doc, &mut spans);
            spans
                .iter()
                .map(|s| (span_text(&doc, s).to_string(), TYPES[s.ty]))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            split(
                "She is Labour's MP for Bury St Edmunds now.",
                "Labour",
                "Edmunds"
            ),
            [
                ("Labour".to_string(), Label::ORG),
                ("Bury St Edmunds".to_string(), Label::LOC)
            ]
        );
        assert_eq!(
            split("He was the MP for Southend West.", "MP", "West"),
            [("Southend West".to_string(), Label::LOC)]
        );
        // A name that only mentions an MP stays whole.
        assert_eq!(
            split("The Friends of MP Group met.", "Friends", "Group").len(),
            1
        );
    }

    #[test]
    fn names_across_lower_case_particles_are_one() {
        let joined = |text: &str, a: (&str, usize), b: (&str, usize)| {
            let doc = Doc::new(text);
            let df = DocFeats::new(&doc, gazetteer::shipped());
            let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
            let span = |w: &str, ty: usize| Span {
                first: at(w),
                end: at(w) + 1,
                ty,
                conf: 1.0,
                rule: "model",
            };
            let mut spans = vec![span(a.0, a.1), span(b.0, b.1)];
            join_at_particles(&doc, &df, &mut spans);
            spans
                .iter()
                .map(|s| (span_text(&doc, s).to_string(), TYPES[s.ty]))
                .collect::<Vec<_>>()
        };
        let one = |name: &str, label| vec![(name.to_string(), label)];
        // A listed first name opens a person; else the first half's type.
        assert_eq!(
            joined("Brazil's Lula da Silva won.", ("Lula", 1), ("Silva", 0)),
            one("Lula da Silva", Label::PER)
        );
        assert_eq!(
            joined(
                "The daily Corriere della Sera said.",
                ("Corriere", 1),
                ("Sera", 0)
            ),
            one("Corriere della Sera", Label::ORG)
        );
        assert_eq!(
            joined("The Tour de France starts.", ("Tour", 3), ("France", 2)),
            one("Tour de France", Label::MISC)
        );
        assert_eq!(
            joined(
                "Joost van der Westhuizen ran.",
                ("Joost", 0),
                ("Westhuizen", 0)
            ),
            one("Joost van der Westhuizen", Label::PER)
        );
        // Not across a capitalised word, other words or a line break.
        assert_eq!(
            joined("Paris De France", ("Paris", 2), ("France", 2)).len(),
            2
        );
        assert_eq!(
            joined("Paris and France", ("Paris", 2), ("France", 2)).len(),
            2
        );
        assert_eq!(
            joined("Paris de\nFrance", ("Paris", 2), ("France", 2)).len(),
            2
        );
    }

    #[test]
    fn an_organization_read_on_into_a_person_is_split_at_the_title() {
        let split = |text: &str, first: &str, last: &str| {
            let doc = Doc::new(text);
            let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
            let mut spans = vec![Span {
                first: at(first),
                end: at(last) + 1,
                ty: 1,
                conf: 1.0,
                rule: "model",
            }];
            split_at_titles(&doc, &mut spans);
            spans
                .iter()
                .map(|s| (span_text(&doc, s).to_string(), TYPES[s.ty]))
                .collect::<Vec<_>>()
        };
        let got = split(
            "SMFG President Yoshifumi Nishikawa said so.",
            "SMFG",
            "Nishikawa",
        );
        assert_eq!(
            got,
            [
                ("SMFG".to_string(), Label::ORG),
                ("Yoshifumi Nishikawa".to_string(), Label::PER)
            ]
        );
        let got = split("UK Prime Minister Boris Johnson spoke.", "UK", "Johnson");
        assert_eq!(got[0].0, "UK");
        assert_eq!(got[1], ("Boris Johnson".to_string(), Label::PER));
        // An abbreviated title and its dot; no comma left on the name before it.
        let got = split("Florida Sens. Marco Rubio voted.", "Florida", "Rubio");
        assert_eq!(got[0].0, "Florida");
        assert_eq!(got[1], ("Marco Rubio".to_string(), Label::PER));
        let got = split("By the Forbidden City, Mr. Xi spoke.", "Forbidden", "Xi");
        assert_eq!(got[0].0, "Forbidden City");
        assert_eq!(got[1], ("Xi".to_string(), Label::PER));
        // Not a saint's "St." nor a surname ending a sentence ("Sushmita Sen. I walked").
        assert_eq!(split("In Port St. Lucie today.", "Port", "Lucie").len(), 1);
        assert_eq!(
            split("By Sushmita Sen. I walked.", "Sushmita", "I").len(),
            1
        );
        // Job roles are titles too.
        let got = split(
            "Boston analyst Vadim Mitroshin said.",
            "Boston",
            "Mitroshin",
        );
        assert_eq!(got[1], ("Vadim Mitroshin".to_string(), Label::PER));
        // No person after the title, or a title that opens the name: one name as it was.
        for (text, first, last) in [
            ("The Queen Elizabeth Hospital opened.", "Queen", "Hospital"),
            ("The US Department of Justice Office acted.", "US", "Office"),
            ("Acme Chairman said no.", "Acme", "Chairman"),
        ] {
            assert_eq!(split(text, first, last).len(), 1, "{text}");
        }
    }

    #[test]
    fn a_company_of_a_place_is_the_company_then_the_place() {
        let split = |text: &str, first: &str, last: &str| {
            let doc = Doc::new(text);
            let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
            let mut spans = vec![Span {
                first: at(first),
                end: at(last) + 1,
                ty: 1,
                conf: 1.0,
                rule: "model",
            }];
            split_company_of_place(&doc, &mut spans);
            spans
                .iter()
                .map(|s| (span_text(&doc, s).to_string(), TYPES[s.ty]))
                .collect::<Vec<_>>()
        };
        let got = split(
            "It sold Kia Motor Corp of South Korea shares.",
            "Kia",
            "Korea",
        );
        assert_eq!(
            got,
            [
                ("Kia Motor Corp".to_string(), Label::ORG),
                ("South Korea".to_string(), Label::LOC)
            ]
        );
        let got = split(
            "Dow Chemical Co of the United States rose.",
            "Dow",
            "States",
        );
        assert_eq!(got[1], ("United States".to_string(), Label::LOC));
        for (text, first, last) in [
            ("The Bank of England acted.", "Bank", "England"),
            ("The University of Michigan won.", "University", "Michigan"),
        ] {
            assert_eq!(split(text, first, last).len(), 1, "{text}");
        }
    }

    #[test]
    fn a_datelines_name_is_its_place() {
        let doc = Doc::new(
            "SOCCER - BARATELLI TO COACH NICE.\nNICE, France 1996-08-30\nNICE won.\n\
             WASHINGTON (Reuters) - Talks began.",
        );
        let spans_at = |w: &str| -> Vec<Span> {
            (0..doc.tokens.len())
                .filter(|&i| doc.tok(i) == w)
                .map(|i| Span {
                    first: i,
                    end: i + 1,
                    ty: 1,
                    conf: 1.0,
                    rule: "model",
                })
                .collect()
        };
        let mut spans = spans_at("NICE");
        spans.extend(spans_at("WASHINGTON"));
        datelines(&doc, &mut spans);
        agree_on_types(&doc, &mut spans);
        let types: Vec<Label> = spans.iter().map(|s| TYPES[s.ty]).collect();
        // The headline's and the sentence's "NICE" stay the club; the datelines are places.
        assert_eq!(types, [Label::ORG, Label::LOC, Label::ORG, Label::LOC]);
    }

    /// Reuters' dateline with the date in words: the place and the agency are the dateline's.
    #[test]
    fn a_datelines_agency_is_marked() {
        // Without an agency: a dash after capitals or a date in words.
        for text in [
            "LONDON — Talks ended.",
            "London, June 3 — Talks ended.",
            "Headline\nNEW YORK - Talks ended.",
        ] {
            let doc = Doc::new(text);
            let first = (0..doc.tokens.len())
                .find(|&i| doc.tokens[i].cap && doc.tok(i) != "Headline")
                .unwrap();
            let end = if doc.tok(first) == "NEW" {
                first + 2
            } else {
                first + 1
            };
            let mut spans = vec![Span {
                first,
                end,
                ty: 2,
                conf: 1.0,
                rule: "model",
            }];
            datelines(&doc, &mut spans);
            assert_eq!(
                (TYPES[spans[0].ty], spans[0].rule),
                (Label::LOC, DATELINE),
                "{text}"
            );
        }
        // A section head in capitals is none.
        let doc = Doc::new("RUGBY UNION - ENGLAND WIN");
        let mut spans = vec![Span {
            first: 0,
            end: 2,
            ty: 2,
            conf: 1.0,
            rule: "model",
        }];
        datelines(&doc, &mut spans);
        assert_eq!(spans[0].rule, "model");
        // A listed place the model typed an organization; not an unlisted name in capitals.
        for (text, want) in [
            ("CHARLOTTE - The wife spoke.", Label::LOC),
            ("ZORBLAX - The wife spoke.", Label::ORG),
        ] {
            let doc = Doc::new(text);
            let mut spans = vec![Span {
                first: 0,
                end: 1,
                ty: 1,
                conf: 1.0,
                rule: "model",
            }];
            datelines(&doc, &mut spans);
            assert_eq!(TYPES[spans[0].ty], want, "{text}");
        }
        // A title-case name before a dash is no dateline ("Brexit — what next").
        let doc = Doc::new("Brexit — what next");
        let mut spans = vec![Span {
            first: 0,
            end: 1,
            ty: 3,
            conf: 1.0,
            rule: "model",
        }];
        datelines(&doc, &mut spans);
        assert_eq!(spans[0].rule, "model");
        // Two places.
        let doc = Doc::new("JERUSALEM/CAIRO, Feb 26 (Reuters) - Talks ended.");
        let span = |i: usize, ty: usize| Span {
            first: i,
            end: i + 1,
            ty,
            conf: 1.0,
            rule: "model",
        };
        let reuters = (0..doc.tokens.len())
            .find(|&i| doc.tok(i) == "Reuters")
            .unwrap();
        let mut spans = vec![span(0, 2), span(2, 2), span(reuters, 0)];
        datelines(&doc, &mut spans);
        assert!(spans.iter().all(|s| s.rule == DATELINE), "{spans:?}");
        assert_eq!(TYPES[spans[2].ty], Label::ORG);
        for text in [
            "BRUSSELS, Nov 20 (Reuters) - Talks ended.",
            "BRUSSELS, Nov. 20 (Reuters) - Talks ended.",
            "PARIS (AFP) - Talks ended.",
        ] {
            let doc = Doc::new(text);
            let span = |i: usize, ty: usize| Span {
                first: i,
                end: i + 1,
                ty,
                conf: 1.0,
                rule: "model",
            };
            let agency = (0..doc.tokens.len())
                .find(|&i| matches!(doc.tok(i), "Reuters" | "AFP"))
                .unwrap();
            let mut spans = vec![span(0, 1), span(agency, 0)];
            datelines(&doc, &mut spans);
            assert_eq!(
                (TYPES[spans[0].ty], spans[0].rule),
                (Label::LOC, DATELINE),
                "{text}"
            );
            assert_eq!(
                (TYPES[spans[1].ty], spans[1].rule),
                (Label::ORG, DATELINE),
                "{text}"
            );
        }
        // A name later in the text is no dateline's, nor is an agency named in a sentence.
        let doc = Doc::new("Talks ended in Brussels, Nov 20 (Reuters) said.");
        let at = (0..doc.tokens.len())
            .find(|&i| doc.tok(i) == "Brussels")
            .unwrap();
        let mut spans = vec![Span {
            first: at,
            end: at + 1,
            ty: 2,
            conf: 1.0,
            rule: "model",
        }];
        datelines(&doc, &mut spans);
        assert_eq!(spans[0].rule, "model");
    }

    /// A name cut short of its institution's word goes on to it; not after a nationality, nor in
    /// capitals.
    #[test]
    fn a_name_goes_on_to_its_institutions_word() {
        let run = |text: &str, a: &str, ty: usize| {
            let doc = Doc::new(text);
            let at = (0..doc.tokens.len()).find(|&i| doc.tok(i) == a).unwrap();
            let mut spans = vec![Span {
                first: at,
                end: at + 1,
                ty,
                conf: 1.0,
                rule: "model",
            }];
            extend_to_heads(&doc, &mut spans);
            (span_text(&doc, &spans[0]).to_string(), TYPES[spans[0].ty])
        };
        assert_eq!(
            run("A statement from West Midlands Police said so.", "West", 2),
            ("West Midlands Police".to_string(), Label::ORG)
        );
        assert_eq!(
            run("The Italian Police said so.", "Italian", 3),
            ("Italian".to_string(), Label::MISC)
        );
        assert_eq!(
            run("SOCCER - ROMANIA CLUB WINS", "ROMANIA", 2),
            ("ROMANIA".to_string(), Label::LOC)
        );
    }

    /// Two names across an ampersand are one firm; two authors cited with a year are not.
    #[test]
    fn names_across_an_ampersand() {
        let joined = |text: &str, a: &str, b: &str| {
            let doc = Doc::new(text);
            let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
            let mut spans = vec![
                Span {
                    first: at(a),
                    end: at(a) + 1,
                    ty: 1,
                    conf: 1.0,
                    rule: "model",
                },
                Span {
                    first: at(b),
                    end: at(b) + 1,
                    ty: 0,
                    conf: 1.0,
                    rule: "model",
                },
            ];
            join_adjacent(&doc, &mut spans);
            spans
                .iter()
                .map(|s| (span_text(&doc, s).to_string(), TYPES[s.ty]))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            joined("Shares of Marks & Spencer fell.", "Marks", "Spencer"),
            [("Marks & Spencer".to_string(), Label::ORG)]
        );
        // The model may put the ampersand in either name.
        let joined_at = |text: &str, a: (usize, usize), b: (usize, usize)| {
            let doc = Doc::new(text);
            let span = |(first, end): (usize, usize), ty| Span {
                first,
                end,
                ty,
                conf: 1.0,
                rule: "model",
            };
            let mut spans = vec![span(a, 0), span(b, 3)];
            join_adjacent(&doc, &mut spans);
            spans
                .iter()
                .map(|s| (span_text(&doc, s).to_string(), TYPES[s.ty]))
                .collect::<Vec<_>>()
        };
        // ("A firm , Marsh & McLennan , said": tokens 3, 4, 5.)
        let firm = [("Marsh & McLennan".to_string(), Label::ORG)];
        let text = "A firm, Marsh & McLennan, said.";
        assert_eq!(joined_at(text, (3, 4), (4, 6)), firm);
        assert_eq!(joined_at(text, (3, 5), (5, 6)), firm);
        assert_eq!(
            joined(
                "As shown (Miller & Robertson, 2010), it works.",
                "Miller",
                "Robertson"
            )
            .len(),
            2
        );
    }

    /// A one-word name read at a sentence's start is repeated at other sentence starts; one
    /// read only mid-sentence is not ("Will" opening a question).
    #[test]
    fn sentence_initial_repeats() {
        let names = |text: &str| {
            let doc = Doc::new(text);
            let (names, _) = tag(&doc);
            names
                .iter()
                .map(|c| doc.text[c.start..c.end].to_string())
                .collect::<Vec<_>>()
        };
        let text = "Arsenal beat Madrid.\n\nArsenal reached the final. Arsenal will face Paris.";
        let got = names(text);
        assert_eq!(got.iter().filter(|g| *g == "Arsenal").count(), 3, "{got:?}");
    }

    /// A person's name cut at an initial goes on through the words after the initial's dot.
    #[test]
    fn a_name_goes_on_after_its_initial() {
        let doc = Doc::new("Barrett pressed D. John Sauer on it. Smith spoke.");
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
        let span = |a: &str, b: &str, ty: usize| Span {
            first: at(a),
            end: at(b) + 1,
            ty,
            conf: 1.0,
            rule: "model",
        };
        let mut spans = vec![
            span("Barrett", "Barrett", 0),
            span("D", "D", 0),
            span("Sauer", "Sauer", 2),
            span("Smith", "Smith", 0),
        ];
        extend_initials(&doc, &mut spans);
        let got: Vec<&str> = spans.iter().map(|s| span_text(&doc, s)).collect();
        assert_eq!(got, ["Barrett", "D. John Sauer", "Smith"]);
    }

    /// A legal form read alone takes the capitalised words before it as one organization.
    #[test]
    fn a_legal_form_ends_a_company() {
        let run = |text: &str, model: &[(&str, &str, usize)]| {
            let doc = Doc::new(text);
            let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
            let mut spans: Vec<Span> = model
                .iter()
                .map(|&(a, b, ty)| Span {
                    first: at(a),
                    end: at(b) + 1,
                    ty,
                    conf: 1.0,
                    rule: "model",
                })
                .collect();
            legal_forms(&doc, &mut spans);
            spans
                .iter()
                .map(|s| (span_text(&doc, s).to_string(), TYPES[s.ty]))
                .collect::<Vec<_>>()
        };
        let got = run(
            "Shares of Taiwan Semiconductor Manufacturing Co were flat.",
            &[("Taiwan", "Taiwan", 2), ("Co", "Co", 2)],
        );
        assert_eq!(
            got,
            [(
                "Taiwan Semiconductor Manufacturing Co".to_string(),
                Label::ORG
            )]
        );
        // Not over a sentence's first word nor a function word; a bare legal form is no name.
        let got = run("Yesterday Acme Widgets Inc rose.", &[("Inc", "Inc", 2)]);
        assert_eq!(got, [("Acme Widgets Inc".to_string(), Label::ORG)]);
        let got = run("It sold the Co shares.", &[("Co", "Co", 2)]);
        assert!(got.is_empty(), "{got:?}");
        // A name the model read whole stays as it is.
        let got = run("Company Name Acme Inc listed.", &[("Acme", "Inc", 1)]);
        assert_eq!(got, [("Acme Inc".to_string(), Label::ORG)]);
    }

    /// "Treaty of Utrecht" is a treaty whatever the model read; a parliament is an institution.
    #[test]
    fn treaties_named_head_first_and_parliaments() {
        let doc = Doc::new(
            "Spain ceded it under the Treaty of Utrecht, the European Parliament said, \
             not the Ministry of War. The United States Congress read the San Francisco Bulletin.",
        );
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
        let span = |first: &str, last: &str, ty: usize| Span {
            first: at(first),
            end: at(last) + 1,
            ty,
            conf: 1.0,
            rule: "model",
        };
        let df = DocFeats::new(&doc, gazetteer::shipped());
        let mut spans = vec![
            span("Treaty", "Utrecht", 1),
            span("European", "Parliament", 3),
            span("Ministry", "War", 1),
            // A legislature's and a newspaper's last word make a place's name theirs.
            span("United", "Congress", 2),
            span("San", "Bulletin", 2),
        ];
        cue_types(&doc, &df, &mut spans);
        let types: Vec<Label> = spans.iter().map(|s| TYPES[s.ty]).collect();
        assert_eq!(
            types,
            [Label::MISC, Label::ORG, Label::ORG, Label::ORG, Label::ORG]
        );
    }

    #[test]
    fn a_month_or_an_ordinal_is_no_miscellaneous_name() {
        let doc = Doc::new("Second Test: in May, Second Life and May fell.");
        let span = |i: usize, len: usize, ty: usize| Span {
            first: i,
            end: i + len,
            ty,
            conf: 1.0,
            rule: "model",
        };
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
        assert!(month_or_ordinal(&doc, &span(at("Second"), 1, 3)));
        assert!(month_or_ordinal(&doc, &span(at("May"), 1, 3)));
        // A longer name, or a person named May, stays.
        assert!(!month_or_ordinal(&doc, &span(at("Second"), 2, 3)));
        assert!(!month_or_ordinal(&doc, &span(at("May"), 1, 0)));
    }

    #[test]
    fn arabic_names_go_on_through_their_article() {
        let doc = Doc::new("Supporters of Muqtada al-Sadr marched; al-Qaeda did not.");
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
        let mut spans = vec![Span {
            first: at("Muqtada"),
            end: at("Muqtada") + 1,
            ty: 0,
            conf: 1.0,
            rule: "model",
        }];
        join_adjacent(&doc, &mut spans);
        assert_eq!(span_text(&doc, &spans[0]), "Muqtada al-Sadr");
        assert!(name_particle("el-Sisi") && !name_particle("al-") && !name_particle("also"));
    }

    #[test]
    fn an_honorific_makes_a_person() {
        let typed = |text: &str, first: &str, last: &str| {
            let doc = Doc::new(text);
            let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
            let mut spans = [Span {
                first: at(first),
                end: at(last) + 1,
                ty: 1,
                conf: 1.0,
                rule: "model",
            }];
            strip_titles(&doc, &mut spans);
            (span_text(&doc, &spans[0]).to_string(), TYPES[spans[0].ty])
        };
        assert_eq!(
            typed("Professor Cres Eastman said so.", "Professor", "Eastman"),
            ("Cres Eastman".to_string(), Label::PER)
        );
        assert_eq!(
            typed("Rep. Knollenberg said so.", "Rep", "Knollenberg"),
            ("Knollenberg".to_string(), Label::PER)
        );
        // A title's first word takes its second with it ("Chief Executive").
        let text = "Refugee Council Chief Executive Maeve Sherlock called the plans dangerous.";
        let (names, _) = tag(&Doc::new(text));
        let found: Vec<&str> = names.iter().map(|c| &text[c.start..c.end]).collect();
        assert!(found.contains(&"Maeve Sherlock"), "{found:?}");
        assert_eq!(title_prefix_len(&["Chief", "Executive", "Jane", "Roe"]), 2);
        assert_eq!(title_prefix_len(&["Chief", "John", "Smith"]), 1);
        // Abbreviated titles with their dot, several in a row.
        assert_eq!(title_prefix_len(&["Del", ".", "Stacey", "Plaskett"]), 2);
        assert_eq!(
            title_prefix_len(&["Army", "Lt", ".", "Gen", ".", "Mick", "Bednarek"]),
            5
        );
        assert_eq!(title_prefix_len(&["Del", "Monte"]), 0);
        assert_eq!(
            typed("The Justice Department said so.", "Justice", "Department"),
            ("Justice Department".to_string(), Label::ORG)
        );
    }

    #[test]
    fn a_name_after_a_persons_title_is_a_person() {
        let typed = |text: &str, first: &str, last: &str, ty: usize| {
            let doc = Doc::new(text);
            let df = DocFeats::new(&doc, gazetteer::shipped());
            let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
            let mut spans = [Span {
                first: at(first),
                end: at(last) + 1,
                ty,
                conf: 1.0,
                rule: "model",
            }];
            cue_types(&doc, &df, &mut spans);
            (span_text(&doc, &spans[0]).to_string(), TYPES[spans[0].ty])
        };
        let per = |s: &str| (s.to_string(), Label::PER);
        assert_eq!(
            typed(
                "Indonesian President Suharto has asked businessmen.",
                "Suharto",
                "Suharto",
                1
            ),
            per("Suharto")
        );
        assert_eq!(
            typed(
                "Chicago Cardinal Joseph Bernardin died.",
                "Joseph",
                "Bernardin",
                3
            ),
            per("Joseph Bernardin")
        );
        assert_eq!(
            typed("Mr. Kelly will address it.", "Kelly", "Kelly", 1),
            per("Kelly")
        );
        // Not a place named after one ("President Kennedy" may be, but a listed place is kept),
        // an institution, a title in lower case or one that also opens companies' names.
        let kept = [
            ("He met Queen Elizabeth in London.", "London", "London", 2),
            (
                "The President Bush Foundation gave.",
                "Bush",
                "Foundation",
                1,
            ),
            ("He met the president Acme hired.", "Acme", "Acme", 1),
            ("Shares of General Motors rose.", "Motors", "Motors", 1),
            ("King Juan Carlos University", "University", "University", 1),
        ];
        for (text, first, last, ty) in kept {
            assert_eq!(typed(text, first, last, ty).1, TYPES[ty], "{text}");
        }
    }

    #[test]
    fn a_name_after_a_role_or_an_organizations_kind_takes_its_type() {
        let typed = |text: &str, first: &str, last: &str, ty: usize| {
            let doc = Doc::new(text);
            let df = DocFeats::new(&doc, gazetteer::shipped());
            let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
            let mut spans = [Span {
                first: at(first),
                end: at(last) + 1,
                ty,
                conf: 1.0,
                rule: "model",
            }];
            cue_types(&doc, &df, &mut spans);
            TYPES[spans[0].ty]
        };
        // People: "rap star Kanye West" had been a place, "actress Queen Latifah" an
        // organization, "his son Beau" anything.
        for (text, first, last, ty) in [
            ("He met rap star Kanye West there.", "Kanye", "West", 2),
            (
                "It was hosted by actress Queen Latifah.",
                "Queen",
                "Latifah",
                1,
            ),
            ("He spoke of his son Beau often.", "Beau", "Beau", 2),
            (
                "Arsenal boss Arsene Wenger was fined.",
                "Arsene",
                "Wenger",
                1,
            ),
        ] {
            assert_eq!(typed(text, first, last, ty), Label::PER, "{text}");
        }
        // Organizations: a band, an operator, a firm.
        for (text, first, last, ty) in [
            ("Irish rock band U2 will play.", "U2", "U2", 2),
            (
                "Channel Tunnel operator Eurotunnel said so.",
                "Eurotunnel",
                "Eurotunnel",
                0,
            ),
            ("Security firm Network Box said so.", "Network", "Box", 0),
            (
                "Research by handset maker Nokia shows it.",
                "Nokia",
                "Nokia",
                2,
            ),
            (
                "A spokesman for distributor Toho said so.",
                "Toho",
                "Toho",
                0,
            ),
        ] {
            assert_eq!(typed(text, first, last, ty), Label::ORG, "{text}");
        }
        // Kept: a person named after an organization's kind (a listed first name: "broadcaster
        // Anne Diamond"), a place after an adjective ("giant Texas plants"), a party's word after a
        // role, an official's country, and a role on the line before (a headline's last word).
        for (text, first, last, ty) in [
            (
                "Well-loved broadcaster Anne Diamond is made an OBE.",
                "Anne",
                "Diamond",
                0,
            ),
            ("It shut two giant Texas plants.", "Texas", "Texas", 2),
            (
                "He campaigned for his wife Democratic candidate Clinton.",
                "Democratic",
                "Democratic",
                3,
            ),
            ("A senior official Kabul named left.", "Kabul", "Kabul", 2),
            (
                "Stuff of dreams for the rider\n\nBBC Look East speaks to her.",
                "BBC",
                "East",
                1,
            ),
        ] {
            assert_eq!(typed(text, first, last, ty), TYPES[ty], "{text}");
        }
    }

    #[test]
    fn people_whose_words_say_they_are_none() {
        let typed = |text: &str, first: &str, last: &str| {
            let doc = Doc::new(text);
            let df = DocFeats::new(&doc, gazetteer::shipped());
            let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
            let mut spans = [Span {
                first: at(first),
                end: at(last) + 1,
                ty: 0,
                conf: 1.0,
                rule: "model",
            }];
            cue_types(&doc, &df, &mut spans);
            TYPES[spans[0].ty]
        };
        use Label::{LOC, MISC, ORG, PER};
        for (text, first, last, want) in [
            ("Man Utd won at home.", "Man", "Utd", ORG),
            (
                "A statement released by Warner Bros on Monday.",
                "Warner",
                "Bros",
                ORG,
            ),
            ("She told Sky News so.", "Sky", "News", ORG),
            ("Royal Mail workers went on strike.", "Royal", "Mail", ORG),
            ("The Lib Dems won.", "Lib", "Dems", ORG),
            ("Lib Dem leader Charles Kennedy spoke.", "Lib", "Dem", MISC),
            ("He went to Downing Street today.", "Downing", "Street", LOC),
            ("He flew to Jefferson City today.", "Jefferson", "City", LOC),
            (
                "The striker joined Derry City in the league final.",
                "Derry",
                "City",
                ORG,
            ),
            (
                "Voters in East Renfrewshire went to the polls.",
                "East",
                "Renfrewshire",
                LOC,
            ),
            ("They climbed Mount Snowdon.", "Mount", "Snowdon", LOC),
            ("Everton left Goodison Park.", "Goodison", "Park", LOC),
            ("Sung-Hee Park scored.", "Sung-Hee", "Park", PER),
            // A hospital, even after a first name.
            (
                "She went to William Harvey Hospital.",
                "William",
                "Hospital",
                LOC,
            ),
            // A part of a continent; not a hero with a title.
            ("Sales fell in Latin America.", "Latin", "America", LOC),
            ("He played Captain America.", "Captain", "America", PER),
            // A listed first name before "Street" is a person's.
            ("Sharon Street wrote the paper.", "Sharon", "Street", PER),
        ] {
            assert_eq!(typed(text, first, last), want, "{text}");
        }
    }

    #[test]
    fn a_possessive_is_no_part_of_a_name_the_text_names_without_it() {
        let doc = Doc::new(
            "The EU said no. The EU wants reform of the EU's pact. Lloyd's said no. Lloyd's and \
             Lloyd agreed.",
        );
        let at = |w: &str, nth: usize| {
            (0..doc.tokens.len())
                .filter(|&i| doc.tok(i) == w)
                .nth(nth)
                .unwrap()
        };
        let span = |first: usize, end: usize| Span {
            first,
            end,
            ty: 1,
            conf: 1.0,
            rule: "model",
        };
        let mut spans = vec![
            span(at("EU", 0), at("EU", 0) + 1),
            span(at("EU", 1), at("EU", 1) + 1),
            span(at("EU", 2), at("EU", 2) + 2),
            span(at("Lloyd", 0), at("Lloyd", 0) + 2),
            span(at("Lloyd", 1), at("Lloyd", 1) + 2),
            span(at("Lloyd", 2), at("Lloyd", 2) + 1),
        ];
        possessive_ends(&doc, &mut spans);
        let got: Vec<&str> = spans.iter().map(|s| span_text(&doc, s)).collect();
        // "EU" twice bare against once with "'s"; "Lloyd's" twice against one bare "Lloyd".
        assert_eq!(got, ["EU", "EU", "EU", "Lloyd's", "Lloyd's", "Lloyd"]);
    }

    #[test]
    fn planets_alone_are_named_things_unless_a_person_bears_the_name() {
        let text = "Venus rises and Saturn sets. Mars bars sell. Venus Williams won; Venus smiled.";
        let doc = Doc::new(text);
        let at = |w: &str, nth: usize| {
            (0..doc.tokens.len())
                .filter(|&i| doc.tok(i) == w)
                .nth(nth)
                .unwrap()
        };
        let span = |first: usize, end: usize, ty: usize| Span {
            first,
            end,
            ty,
            conf: 1.0,
            rule: "model",
        };
        let mut alone = vec![
            span(at("Venus", 0), at("Venus", 0) + 1, 0),
            span(at("Saturn", 0), at("Saturn", 0) + 1, 2),
            span(at("Mars", 0), at("Mars", 0) + 1, 1),
        ];
        planets(&doc, &mut alone);
        let got: Vec<Label> = alone.iter().map(|s| TYPES[s.ty]).collect();
        assert_eq!(got, [Label::MISC, Label::MISC, Label::ORG]);
        let mut person = vec![
            span(at("Venus", 1), at("Venus", 1) + 2, 0),
            span(at("Venus", 2), at("Venus", 2) + 1, 0),
        ];
        planets(&doc, &mut person);
        assert_eq!(TYPES[person[1].ty], Label::PER);
    }

    #[test]
    fn a_name_cut_short_takes_the_longer_form_the_document_names() {
        let text = "Penn State grew. Officials at Penn State met. The Fed's view and the Fed's \
                    stance. Toph and Len came; Toph and Len left. Penn State Wiki.";
        let doc = Doc::new(text);
        let at = |w: &str, nth: usize| {
            (0..doc.tokens.len())
                .filter(|&i| doc.tok(i) == w)
                .nth(nth)
                .unwrap()
        };
        let span = |first: usize, end: usize, ty: usize| Span {
            first,
            end,
            ty,
            conf: 1.0,
            rule: "model",
        };
        let mut spans = vec![
            span(at("Penn", 0), at("Penn", 0) + 2, 1),
            span(at("Penn", 1), at("Penn", 1) + 1, 2),
            span(at("Fed", 0), at("Fed", 0) + 2, 1),
            span(at("Fed", 1), at("Fed", 1) + 1, 1),
            span(at("Toph", 0), at("Toph", 0) + 3, 1),
            span(at("Toph", 1), at("Toph", 1) + 1, 0),
            // (A capitalised word after the longer form: a longer name still, left as read.)
            span(at("Penn", 2), at("Penn", 2) + 1, 2),
        ];
        longer_forms(&doc, &mut spans);
        let got: Vec<(&str, Label)> = spans
            .iter()
            .map(|s| (span_text(&doc, s), TYPES[s.ty]))
            .collect();
        assert_eq!(
            got,
            [
                ("Penn State", Label::ORG),
                ("Penn State", Label::ORG),
                ("Fed's", Label::ORG),
                // (Not a possessive alone, nor across "and".)
                ("Fed", Label::ORG),
                ("Toph and Len", Label::ORG),
                ("Toph", Label::PER),
                ("Penn", Label::LOC),
            ]
        );
    }

    #[test]
    fn a_surname_read_as_a_town_after_a_first_name_joins_the_person() {
        let text = "The finalist MaliVai Washington and Marcelo Rios lost. \
                    Smith Washington Bridge. Met Pat Washington. Pat\nWashington.";
        let doc = Doc::new(text);
        let df = DocFeats::new(&doc, gazetteer::shipped());
        let at = |w: &str, nth: usize| {
            (0..doc.tokens.len())
                .filter(|&i| doc.tok(i) == w)
                .nth(nth)
                .unwrap()
        };
        let one = |i: usize, ty: usize| Span {
            first: i,
            end: i + 1,
            ty,
            conf: 1.0,
            rule: "model",
        };
        let mut spans = vec![
            one(at("MaliVai", 0), 0),
            one(at("Washington", 0), 2),
            // (A capitalised word follows: a place's name goes on.)
            one(at("Smith", 0), 0),
            one(at("Washington", 1), 2),
            // (A capitalised word before: a run of names, as in a headline.)
            one(at("Pat", 0), 0),
            one(at("Washington", 2), 2),
            // (A line break parts them.)
            one(at("Pat", 1), 0),
            one(at("Washington", 3), 2),
        ];
        surname_places(&doc, &df, &mut spans);
        let got: Vec<(&str, Label)> = spans
            .iter()
            .map(|s| (span_text(&doc, s), TYPES[s.ty]))
            .collect();
        assert_eq!(
            got,
            [
                ("MaliVai Washington", Label::PER),
                ("Smith", Label::PER),
                ("Washington", Label::LOC),
                ("Pat", Label::PER),
                ("Washington", Label::LOC),
                ("Pat", Label::PER),
                ("Washington", Label::LOC),
            ]
        );
    }

    #[test]
    fn two_names_read_as_one_across_and_are_split() {
        let text =
            "Facebook and Instagram met Opel and Vauxhall. Opel rose and Vauxhall fell. The \
                    Securities and Exchange Commission and Trinidad and Tobago and the Department \
                    of Trade and Industry and Pantha and Rezwan agreed. Rezwan smiled. The FBI \
                    and Justice Department said no. Johnson Controls Inc. and Lear Corp bid. \
                    Mary Robben and David Drogba and Marks and Spencer and Lewis Carroll and \
                    Simon Schuster.";
        let doc = Doc::new(text);
        let df = DocFeats::new(&doc, gazetteer::shipped());
        let at = |w: &str, nth: usize| {
            (0..doc.tokens.len())
                .filter(|&i| doc.tok(i) == w)
                .nth(nth)
                .unwrap()
        };
        let span = |first: usize, last: usize, ty: usize| Span {
            first,
            end: last + 1,
            ty,
            conf: 1.0,
            rule: "model",
        };
        let mut spans = vec![
            span(at("Facebook", 0), at("Instagram", 0), 1),
            span(at("Opel", 0), at("Vauxhall", 0), 1),
            span(at("Opel", 1), at("Opel", 1), 1),
            span(at("Vauxhall", 1), at("Vauxhall", 1), 1),
            span(at("Securities", 0), at("Commission", 0), 1),
            span(at("Trinidad", 0), at("Tobago", 0), 2),
            span(at("Department", 0), at("Industry", 0), 1),
            span(at("Pantha", 0), at("Rezwan", 0), 1),
            span(at("Rezwan", 1), at("Rezwan", 1), 0),
            span(at("FBI", 0), at("Department", 1), 1),
            span(at("Johnson", 0), at("Corp", 0), 1),
            span(at("Mary", 0), at("Drogba", 0), 1),
            span(at("Marks", 0), at("Spencer", 0), 1),
            span(at("Lewis", 0), at("Schuster", 0), 1),
        ];
        split_coordinated(&doc, &df, &mut spans);
        let got: Vec<&str> = spans.iter().map(|s| span_text(&doc, s)).collect();
        assert_eq!(
            got,
            [
                "Facebook",
                "Instagram",
                "Opel",
                "Vauxhall",
                "Opel",
                "Vauxhall",
                "Securities and Exchange Commission",
                "Trinidad and Tobago",
                "Department of Trade and Industry",
                // ("Pantha" is named nowhere alone.)
                "Pantha and Rezwan",
                "Rezwan",
                // (An acronym beside an institution.)
                "FBI",
                "Justice Department",
                // (A legal form ends the first company.)
                "Johnson Controls Inc.",
                "Lear Corp",
                // (Two people, each opened by a listed first name.)
                "Mary Robben",
                "David Drogba",
                // (Not both parts opened by a listed first name: one name.)
                "Marks and Spencer",
                "Lewis Carroll and Simon Schuster",
            ]
        );
        assert_eq!(TYPES[spans[0].ty], Label::ORG);
        assert_eq!(TYPES[spans[13].ty], Label::ORG);
        assert_eq!(TYPES[spans[15].ty], Label::PER);
    }

    #[test]
    fn a_possessive_before_a_treaty_word_is_its_owner() {
        let doc = Doc::new("Reform of the EU's stability pact and the Kyoto pact.");
        let df = DocFeats::new(&doc, gazetteer::shipped());
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
        let mut spans = [
            Span {
                first: at("EU"),
                end: at("EU") + 2,
                ty: 1,
                conf: 1.0,
                rule: "model",
            },
            Span {
                first: at("Kyoto"),
                end: at("Kyoto") + 1,
                ty: 2,
                conf: 1.0,
                rule: "model",
            },
        ];
        cue_types(&doc, &df, &mut spans);
        assert_eq!(
            (TYPES[spans[0].ty], TYPES[spans[1].ty]),
            (Label::ORG, Label::MISC)
        );
    }

    #[test]
    fn an_opening_adverb_is_no_name() {
        let text =
            "Early in his campaign, Donald Trump attacked Mitt Romney, calling him a failure.";
        let (names, _) = tag(&Doc::new(text));
        let found: Vec<&str> = names.iter().map(|c| &text[c.start..c.end]).collect();
        assert!(found.contains(&"Donald Trump"), "{found:?}");
        assert!(!found.contains(&"Early"), "{found:?}");
    }

    #[test]
    fn two_names_joined_by_and_are_both_people() {
        let typed = |text: &str, spans: &[(&str, &str, usize, f32)]| {
            let doc = Doc::new(text);
            let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
            let mut v: Vec<Span> = spans
                .iter()
                .map(|&(a, b, ty, conf)| Span {
                    first: at(a),
                    end: at(b) + 1,
                    ty,
                    conf,
                    rule: "model",
                })
                .collect();
            coordinated_people(&doc, &mut v);
            v.iter().map(|s| TYPES[s.ty]).collect::<Vec<_>>()
        };
        let text = "It granted asylum to two leaders, Zenon Poznyak and Sergei Naumchik.";
        assert_eq!(
            typed(
                text,
                &[("Zenon", "Poznyak", 1, 0.6), ("Sergei", "Naumchik", 0, 0.9)]
            ),
            [Label::PER, Label::PER]
        );
        // A confident organization, an institution's name or a company of one word stays.
        assert_eq!(
            typed(
                text,
                &[
                    ("Zenon", "Poznyak", 1, 0.95),
                    ("Sergei", "Naumchik", 0, 0.9)
                ]
            ),
            [Label::ORG, Label::PER]
        );
        let text = "Bill Gates and Microsoft Corporation agreed, as did Jane Doe and Acme.";
        assert_eq!(
            typed(
                text,
                &[
                    ("Bill", "Gates", 0, 0.9),
                    ("Microsoft", "Corporation", 1, 0.6)
                ]
            ),
            [Label::PER, Label::ORG]
        );
        assert_eq!(
            typed(text, &[("Jane", "Doe", 0, 0.9), ("Acme", "Acme", 1, 0.6)]),
            [Label::PER, Label::ORG]
        );
    }

    #[test]
    fn references_to_parts_are_misc() {
        let typed = |text: &str, first: &str, last: &str| {
            let doc = Doc::new(text);
            let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
            let mut spans = [Span {
                first: at(first),
                end: at(last) + 1,
                ty: 1,
                conf: 1.0,
                rule: "model",
            }];
            references(&doc, &mut spans);
            (span_text(&doc, &spans[0]).to_string(), TYPES[spans[0].ty])
        };
        let misc = |s: &str| (s.to_string(), Label::MISC);
        assert_eq!(
            typed("It waives any Title IV provision.", "Title", "IV"),
            misc("Title IV")
        );
        assert_eq!(typed("See Tab 3 of the book.", "Tab", "Tab"), misc("Tab 3"));
        assert_eq!(
            typed("As Figure 1.5 shows.", "Figure", "Figure"),
            misc("Figure 1.5")
        );
        assert_eq!(
            typed("The Section Chiefs met.", "Section", "Chiefs"),
            ("Section Chiefs".to_string(), Label::ORG)
        );
    }

    #[test]
    fn title_case_runs_are_no_names() {
        let run = |text: &str, first: &str, last: &str| {
            let doc = Doc::new(text);
            let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
            title_case_run(
                &doc,
                &Span {
                    first: at(first),
                    end: at(last) + 1,
                    ty: 1,
                    conf: 1.0,
                    rule: "model",
                },
            )
        };
        assert!(run(
            "Thanks For The Prompt Service today.",
            "Thanks",
            "Service"
        ));
        assert!(!run("The Bank of England said so.", "Bank", "England"));
        assert!(!run("Mail Kevin A. Boone now.", "Kevin", "Boone"));
    }

    #[test]
    fn a_person_does_not_end_in_a_place_word() {
        let doc = Doc::new("At the Civic Center we met Ricki Lake and Arsenio Hall.");
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
        let person = |first: &str, last: &str| Span {
            first: at(first),
            end: at(last) + 1,
            ty: 0,
            conf: 1.0,
            rule: "model",
        };
        let mut spans = [
            person("Civic", "Center"),
            person("Ricki", "Lake"),
            person("Arsenio", "Hall"),
        ];
        cue_types(&doc, &DocFeats::new(&doc, gazetteer::shipped()), &mut spans);
        let types: Vec<Label> = spans.iter().map(|s| TYPES[s.ty]).collect();
        assert_eq!(types, [Label::LOC, Label::PER, Label::PER]);
    }

    #[test]
    fn a_name_ending_in_an_institution_word_is_an_organization() {
        let doc = Doc::new(
            "The UK Government and Yamada Corp met in the West Bank and Daiwa. Jupiter Research \
             and Yahoo said the Xbox sold.",
        );
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
        let span = |first: &str, last: &str, ty: usize| Span {
            first: at(first),
            end: at(last) + 1,
            ty,
            conf: 1.0,
            rule: "model",
        };
        let mut spans = [
            span("UK", "Government", 2),
            span("Yamada", "Corp", 0),
            span("West", "Bank", 2),
            span("Daiwa", "Daiwa", 0),
            span("Jupiter", "Research", 0),
            span("Yahoo", "Yahoo", 0),
            span("Xbox", "Xbox", 0),
        ];
        cue_types(&doc, &DocFeats::new(&doc, gazetteer::shipped()), &mut spans);
        let types: Vec<Label> = spans.iter().map(|s| TYPES[s.ty]).collect();
        // (A company's last word; a listed company and product.)
        assert_eq!(
            types,
            [
                Label::ORG,
                Label::ORG,
                Label::LOC,
                Label::PER,
                Label::ORG,
                Label::ORG,
                Label::MISC
            ]
        );
    }

    #[test]
    fn file_names_are_no_names() {
        let doc = Doc::new(
            "See attached file: UnleadedStocks.pdf and Acme.Corp, TEXT.htm, Lisa_resume.doc and \
             Tom_notes today.",
        );
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
        let name = |w: &str| Span {
            first: at(w),
            end: at(w) + 1,
            ty: 1,
            conf: 1.0,
            rule: "model",
        };
        assert!(file_name(&doc, &name("UnleadedStocks")));
        assert!(file_name(&doc, &name("TEXT")));
        assert!(file_name(&doc, &name("Lisa")));
        assert!(!file_name(&doc, &name("Tom")));
        assert!(!file_name(&doc, &name("Acme")));
        assert!(!file_name(&doc, &name("See")));
    }

    #[test]
    fn lower_case_countries_and_places_are_places() {
        let doc = Doc::new(
            "We moved from mexico to greater noida with us, ate an orange, and read biomed.taiwan \
             today; then to auckland, back in orange and reading in bath, a reunion tour at \
             the high point of it.",
        );
        let df = DocFeats::new(&doc, gazetteer::shipped());
        let mut spans = Vec::new();
        lower_case_places(&doc, &df, &mut spans);
        let found: Vec<(&str, Label)> = spans
            .iter()
            .map(|s| (span_text(&doc, s), TYPES[s.ty]))
            .collect();
        // A country and a two-word place; not the pronoun "us" (listed as the country), not a
        // one-word city that is a word too ("Orange"), not a part of an address; a one-word city
        // after "to", "in", "from", unless a common word ("in orange", "in bath"); not a country
        // that is an English word ("reunion") nor a place whose words are all everyday ones
        // ("high point").
        assert_eq!(
            found,
            [
                ("mexico", Label::LOC),
                ("greater noida", Label::LOC),
                ("auckland", Label::LOC)
            ]
        );
        // Words already inside a name are left alone.
        let mut named = vec![Span {
            first: 3,
            end: 4,
            ty: 1,
            conf: 1.0,
            rule: "model",
        }];
        lower_case_places(&doc, &df, &mut named);
        assert_eq!(named.len(), 3);
    }

    #[test]
    fn capitalised_common_words_are_no_names() {
        let doc = Doc::new(
            "Great food. The staff were great in Paris, not paris green. GREAT! Google it: \
             google knows.",
        );
        let df = DocFeats::new(&doc, gazetteer::shipped());
        let one = |i: usize| Span {
            first: i,
            end: i + 1,
            ty: 1,
            conf: 1.0,
            rule: "model",
        };
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
        assert!(common_word(&doc, &df, &one(at("Great"))));
        // A listed place stays, whatever the text does with the word.
        assert!(!common_word(&doc, &df, &one(at("Paris"))));
        // So does a known institution's name.
        assert!(!common_word(&doc, &df, &one(at("Google"))));
        // Shouting in capitals is left to the tagger; a word never written in lower case stays.
        assert!(!common_word(&doc, &df, &one(at("GREAT"))));
        assert!(!common_word(&doc, &df, &one(at("food"))));
    }

    #[test]
    fn orders_verbs_are_no_names() {
        let doc = Doc::new(
            "See attached file. Take a look (Call me). See Jane and Keep Inc. Take Care. We see \
             Do.",
        );
        let one = |i: usize| Span {
            first: i,
            end: i + 1,
            ty: 0,
            conf: 1.0,
            rule: "model",
        };
        let hits: Vec<&str> = (0..doc.tokens.len())
            .filter(|&i| imperative(&doc, &one(i)))
            .map(|i| doc.tok(i))
            .collect();
        // Opening a sentence or a parenthesis, before a lower-case word: an order. Before a name
        // ("See Jane") or in title case ("Take Care"), or mid-sentence, it may be a name.
        assert_eq!(hits, ["See", "Take", "Call"]);
        let two = Span { end: 2, ..one(0) };
        assert!(!imperative(&doc, &two));
    }

    #[test]
    fn a_person_listed_between_places_is_a_place() {
        let doc = Doc::new("Bombs hit Mosul, Baiji, and Tikrit. Paris, Jordan and Rome voted.");
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
        let one = |w: &str, ty: usize| Span {
            first: at(w),
            end: at(w) + 1,
            ty,
            conf: 1.0,
            rule: "model",
        };
        let df = DocFeats::new(&doc, gazetteer::shipped());
        let mut spans = [
            one("Mosul", 2),
            one("Baiji", 0),
            one("Tikrit", 2),
            one("Paris", 2),
            one("Jordan", 0),
            one("Rome", 2),
        ];
        listed_places(&doc, &df, &mut spans);
        let types: Vec<Label> = spans.iter().map(|s| TYPES[s.ty]).collect();
        use Label::{LOC, PER};
        // A listed first name keeps its reading.
        assert_eq!(types, [LOC, LOC, LOC, LOC, PER, LOC]);
        // A list opened by a kind of place: all places, but for a work or nationality; a list
        // after a capitalised "States of" is none.
        let doc = Doc::new(
            "The communities of Derry, Laconia and Nashua agreed, as did countries such as \
             France and Italy, and the countries of the Paris Accord and Muslims. The Pioneer \
             States of Smith and Jones met.",
        );
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
        let span = |a: &str, b: &str, ty: usize| Span {
            first: at(a),
            end: at(b) + 1,
            ty,
            conf: 1.0,
            rule: "model",
        };
        let df = DocFeats::new(&doc, gazetteer::shipped());
        let mut spans = [
            span("Derry", "Derry", 0),
            span("Laconia", "Laconia", 1),
            span("Nashua", "Nashua", 0),
            span("France", "France", 1),
            span("Italy", "Italy", 2),
            span("Paris", "Accord", 3),
            span("Muslims", "Muslims", 1),
            span("Smith", "Smith", 0),
            span("Jones", "Jones", 0),
        ];
        listed_places(&doc, &df, &mut spans);
        let types: Vec<Label> = spans.iter().map(|s| TYPES[s.ty]).collect();
        use Label::{MISC, ORG};
        assert_eq!(types, [LOC, LOC, LOC, LOC, LOC, MISC, ORG, PER, PER]);
    }

    #[test]
    fn known_institutions_the_model_missed_are_found() {
        let doc = Doc::new("Google has finally had an analyst day. Later the BBC and NATO spoke.");
        let mut spans = Vec::new();
        missed_known_orgs(&doc, &mut spans);
        let got: Vec<&str> = spans.iter().map(|s| span_text(&doc, s)).collect();
        assert_eq!(got, ["Google", "BBC", "NATO"]);
        assert!(spans.iter().all(|s| TYPES[s.ty] == Label::ORG));
        // Not over a name already read.
        let mut spans = vec![Span {
            first: 0,
            end: 1,
            ty: 1,
            conf: 1.0,
            rule: "model",
        }];
        missed_known_orgs(&doc, &mut spans);
        assert_eq!(spans.len(), 3);
        // A company opening a sentence, one written with a capital inside; not in lower case.
        let doc = Doc::new("Apple has yet to reveal its numbers, but eBay did. An apple a day.");
        let mut spans = Vec::new();
        missed_known_orgs(&doc, &mut spans);
        let got: Vec<&str> = spans.iter().map(|s| span_text(&doc, s)).collect();
        assert_eq!(got, ["Apple", "eBay"]);
    }

    #[test]
    fn honorifics_abbreviations_are_no_names_alone() {
        for w in ["Dr", "DR", "Mrs.", "Rep", "Prof"] {
            assert!(honorific_abbreviation(w), "{w}");
        }
        // Whole words can be surnames ("said Judge", Aaron Judge).
        for w in ["Judge", "Senator", "Professor", "Drake"] {
            assert!(!honorific_abbreviation(w), "{w}");
        }
        let (names, _) = tag(&Doc::new(
            "Great Service\nDR Mcdonald is wonderful. Dr Mcdonald helped.",
        ));
        assert!(names.iter().all(|c| c.end - c.start > 3), "{names:?}");
    }

    #[test]
    fn reviews_verdicts_are_no_names() {
        let doc = Doc::new(
            "Great Service\nThe staff were VERY fast and GREAT Service overall. We met the rapper \
             Bad Bunny at the Great Lakes. Great!",
        );
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
        let span = |first: &str, last: &str, ty: usize| Span {
            first: at(first),
            end: at(last) + 1,
            ty,
            conf: 1.0,
            rule: "model",
        };
        let dropped = |s: Span| verdict(&doc, &s);
        // A review's title line, a shouted word alone or opening a name, a lone "Great".
        assert!(dropped(span("Great", "Service", 1)));
        assert!(dropped(span("VERY", "VERY", 1)));
        assert!(dropped(Span {
            end: at("GREAT") + 2,
            ..span("GREAT", "GREAT", 1)
        }));
        assert!(dropped(Span {
            first: doc.tokens.len() - 2,
            end: doc.tokens.len() - 1,
            ..span("Great", "Great", 0)
        }));
        // A place only as the word alone ("Highly recommend" read as a place).
        assert!(dropped(span("VERY", "VERY", 2)));
        // Mid-sentence names, and places.
        assert!(!dropped(span("Bad", "Bunny", 0)));
        assert!(!dropped(Span {
            first: at("Lakes") - 1,
            end: at("Lakes") + 1,
            ..span("Great", "Great", 2)
        }));
    }

    #[test]
    fn a_company_name_going_on_with_product_words_is_a_product() {
        let doc = Doc::new(
            "Apple unveiled the Apple Watch Ultra. Google updated Google Maps. Boeing said the \
             Boeing 737 Max flies. Newcrest Q4 profit rose at Newcrest. Goldman Sachs and Goldman \
             agreed. Deutsche Bank, not Deutsche, and Apple Music. ISP named ISP Freedom2surf; \
             PC tested, PC Pro wrote.",
        );
        let at = |w: &str, k: usize| {
            (0..doc.tokens.len())
                .filter(|&i| doc.tok(i) == w)
                .nth(k)
                .unwrap()
        };
        let span = |first: usize, end: usize, ty: usize| Span {
            first,
            end,
            ty,
            conf: 1.0,
            rule: "model",
        };
        let mut spans = [
            span(at("Apple", 0), at("Apple", 0) + 1, 1),
            span(at("Apple", 1), at("Ultra", 0) + 1, 1),
            span(at("Google", 0), at("Google", 0) + 1, 1),
            // The model's person: a product all the same.
            span(at("Google", 1), at("Maps", 0) + 1, 0),
            span(at("Boeing", 0), at("Boeing", 0) + 1, 1),
            span(at("Boeing", 1), at("Max", 0) + 1, 1),
            span(at("Newcrest", 0), at("Q4", 0) + 1, 1),
            span(at("Newcrest", 1), at("Newcrest", 1) + 1, 1),
            span(at("Goldman", 0), at("Sachs", 0) + 1, 1),
            span(at("Goldman", 1), at("Goldman", 1) + 1, 1),
            span(at("Deutsche", 0), at("Bank", 0) + 1, 1),
            // A person named "Deutsche" is no organization to make products.
            span(at("Deutsche", 1), at("Deutsche", 1) + 1, 0),
            span(at("Apple", 2), at("Music", 0) + 1, 1),
            span(at("ISP", 0), at("ISP", 0) + 1, 1),
            span(at("ISP", 1), at("Freedom2surf", 0) + 1, 1),
            span(at("PC", 0), at("PC", 0) + 1, 1),
            span(at("PC", 1), at("Pro", 0) + 1, 1),
        ];
        products(&doc, &mut spans);
        let got: Vec<(&str, Label)> = spans
            .iter()
            .filter(|s| s.end - s.first > 1)
            .map(|s| (span_text(&doc, s), TYPES[s.ty]))
            .collect();
        assert_eq!(
            got,
            [
                ("Apple Watch Ultra", Label::MISC),
                ("Google Maps", Label::MISC),
                ("Boeing 737 Max", Label::MISC),
                ("Newcrest Q4", Label::ORG),
                ("Goldman Sachs", Label::ORG),
                ("Deutsche Bank", Label::ORG),
                ("Apple Music", Label::MISC),
                ("ISP Freedom2surf", Label::ORG),
                ("PC Pro", Label::ORG),
            ]
        );
        // Without the company named alone, nothing changes.
        let mut alone = [span(at("Apple", 2), at("Music", 0) + 1, 1)];
        products(&doc, &mut alone);
        assert_eq!(TYPES[alone[0].ty], Label::ORG);
    }

    #[test]
    fn a_person_named_like_a_company_of_the_document_is_the_company() {
        let text = "Magna International rose. Magna said sales grew. Bob Dole met Dole Food; Dole \
                    spoke. Anna Bank and Anna left. Simon & Schuster and Simon agreed.";
        let doc = Doc::new(text);
        let df = DocFeats::new(&doc, gazetteer::shipped());
        let at = |w: &str, k: usize| {
            (0..doc.tokens.len())
                .filter(|&i| doc.tok(i) == w)
                .nth(k)
                .unwrap()
        };
        let span = |first: usize, end: usize, ty: usize| Span {
            first,
            end,
            ty,
            conf: 1.0,
            rule: "model",
        };
        let mut spans = [
            span(at("Magna", 0), at("International", 0) + 1, 1),
            span(at("Magna", 1), at("Magna", 1) + 1, 0),
            span(at("Bob", 0), at("Dole", 0) + 1, 0),
            span(at("Dole", 1), at("Food", 0) + 1, 1),
            span(at("Dole", 2), at("Dole", 2) + 1, 0),
            span(at("Anna", 0), at("Bank", 0) + 1, 1),
            span(at("Anna", 1), at("Anna", 1) + 1, 0),
            span(at("Simon", 0), at("Schuster", 0) + 1, 1),
            span(at("Simon", 1), at("Simon", 1) + 1, 0),
        ];
        company_short_names(&doc, &df, &mut spans);
        let types: Vec<Label> = spans.iter().map(|s| TYPES[s.ty]).collect();
        // Magna alone joins the company; Dole is a person the text names; Anna a first name,
        // but Simon, a first name too, is the short name of a firm called "Simon & …".
        assert_eq!(
            types,
            [
                Label::ORG,
                Label::ORG,
                Label::PER,
                Label::ORG,
                Label::PER,
                Label::ORG,
                Label::PER,
                Label::ORG,
                Label::ORG
            ]
        );
    }

    #[test]
    fn companies_opening_with_general_are_organizations() {
        let doc = Doc::new("General Motors and General Electric met General Gordon and Motors.");
        let at = |w: &str, k: usize| {
            (0..doc.tokens.len())
                .filter(|&i| doc.tok(i) == w)
                .nth(k)
                .unwrap()
        };
        let span = |first: usize, end: usize| Span {
            first,
            end,
            ty: 0,
            conf: 1.0,
            rule: "model",
        };
        let mut spans = [
            // The model's "Motors" alone, a person; "General Electric" whole, a person.
            span(at("Motors", 0), at("Motors", 0) + 1),
            span(at("General", 1), at("Electric", 0) + 1),
            span(at("Gordon", 0), at("Gordon", 0) + 1),
            span(at("Motors", 1), at("Motors", 1) + 1),
        ];
        general_companies(&doc, &mut spans);
        let got: Vec<(&str, Label)> = spans
            .iter()
            .map(|s| (span_text(&doc, s), TYPES[s.ty]))
            .collect();
        assert_eq!(
            got,
            [
                ("General Motors", Label::ORG),
                ("General Electric", Label::ORG),
                ("Gordon", Label::PER),
                ("Motors", Label::PER)
            ]
        );
    }

    #[test]
    fn laws_plans_and_religious_groups_are_misc() {
        let doc = Doc::new(
            "The Clean Power Plan, the Affordable Care Act, Muslims and Jim Plan met Act Inc. at \
             the Ministry of War. The Constitution and the Bible. The Winter Olympics, the Brit \
             Awards.",
        );
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
        let span = |first: &str, last: &str, ty: usize| Span {
            first: at(first),
            end: at(last) + 1,
            ty,
            conf: 1.0,
            rule: "model",
        };
        let mut spans = [
            span("Clean", "Plan", 0),
            span("Affordable", "Act", 1),
            span("Muslims", "Muslims", 0),
            // One word of the list alone is no law; a person named "Plan" keeps its type.
            span("Act", "Act", 1),
            span("Ministry", "War", 1),
            // A law or scripture named by one word is a work.
            span("Constitution", "Constitution", 1),
            span("Bible", "Bible", 0),
            // Events and awards, read as people and places.
            span("Winter", "Olympics", 0),
            span("Brit", "Awards", 2),
        ];
        cue_types(&doc, &DocFeats::new(&doc, gazetteer::shipped()), &mut spans);
        let types: Vec<Label> = spans.iter().map(|s| TYPES[s.ty]).collect();
        assert_eq!(
            types,
            [
                Label::MISC,
                Label::MISC,
                Label::MISC,
                Label::ORG,
                Label::ORG,
                Label::MISC,
                Label::MISC,
                Label::MISC,
                Label::MISC
            ]
        );
    }

    #[test]
    fn party_tags_titles_contractions_and_suffixes_are_no_names() {
        let doc = Doc::new(
            "Sen. Claire McCaskill (D-Mo.) said. Rep. Jim Clyburn (D-S.C.) agreed. Don't go, \
             said Joseph R. Biden, Jr., and (Dallas) fans.",
        );
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
        let one = |w: &str| Span {
            first: at(w),
            end: at(w) + 1,
            ty: 0,
            conf: 1.0,
            rule: "model",
        };
        let mut spans = vec![one("D-Mo"), one("C"), one("Dallas"), one("Clyburn")];
        party_tags(&doc, &mut spans);
        let left: Vec<&str> = spans.iter().map(|s| span_text(&doc, s)).collect();
        assert_eq!(left, ["Dallas", "Clyburn"]);
        let mut spans = vec![one("Sen"), one("Rep"), one("Claire")];
        drop_bare_titles(&doc, &mut spans);
        let left: Vec<&str> = spans.iter().map(|s| span_text(&doc, s)).collect();
        assert_eq!(left, ["Claire"]);
        assert!(contraction("Don't") && contraction("Won’t") && !contraction("Dont"));
        // End to end: no "Don't", no "Jr." of its own, no letters of a party tag.
        let (names, _) = tag(&doc);
        let texts: Vec<&str> = names.iter().map(|c| &doc.text[c.start..c.end]).collect();
        for bad in ["Don't", "Jr", "Jr.", "C", "D-Mo", "D-S", "Sen", "Rep"] {
            assert!(!texts.contains(&bad), "{bad} in {texts:?}");
        }
        assert!(texts.contains(&"Claire McCaskill"), "{texts:?}");
        // AP style: the tag in commas after the name; a "D-" word after any other comma stays.
        let doc = Doc::new(
            "Chuck Schumer, D-N.Y., and Mitt Romney, R-Utah, said. Normandy, D-Day, was a turn.",
        );
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
        let span = |a: &str, b: &str| Span {
            first: at(a),
            end: at(b) + 1,
            ty: 0,
            conf: 1.0,
            rule: "model",
        };
        let mut spans = vec![
            span("Chuck", "Schumer"),
            span("Y", "Y"),
            span("Mitt", "Romney"),
            span("R-Utah", "R-Utah"),
            span("Normandy", "Normandy"),
            span("D-Day", "D-Day"),
        ];
        party_tags(&doc, &mut spans);
        let left: Vec<&str> = spans.iter().map(|s| span_text(&doc, s)).collect();
        assert_eq!(left, ["Chuck Schumer", "Mitt Romney", "Normandy", "D-Day"]);
    }

    #[test]
    fn a_party_or_nationality_is_split_off_a_persons_name() {
        let doc = Doc::new(
            "Republican Donald Trump met Russian John Smith, American Express and the \
             Democratic National Committee. Trump left.",
        );
        let df = DocFeats::new(&doc, gazetteer::shipped());
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
        let last_at = |w: &str| (0..doc.tokens.len()).rfind(|&i| doc.tok(i) == w).unwrap();
        let span = |first: usize, last: usize, ty: usize| Span {
            first,
            end: last + 1,
            ty,
            conf: 1.0,
            rule: "model",
        };
        let mut spans = vec![
            span(at("Republican"), at("Trump"), 3),
            span(at("Russian"), at("Smith"), 3),
            span(at("American"), at("Express"), 1),
            span(at("Democratic"), at("Committee"), 1),
            span(last_at("Trump"), last_at("Trump"), 0),
        ];
        split_group_before_person(&doc, &df, &mut spans);
        let got: Vec<(&str, Label)> = spans
            .iter()
            .map(|s| (span_text(&doc, s), TYPES[s.ty]))
            .collect();
        assert_eq!(
            got,
            [
                ("Republican", Label::MISC),
                ("Donald Trump", Label::PER),
                ("Russian", Label::MISC),
                ("John Smith", Label::PER),
                ("American Express", Label::ORG),
                ("Democratic National Committee", Label::ORG),
                ("Trump", Label::PER),
            ]
        );
    }

    #[test]
    fn a_president_before_administration_and_newspapers() {
        let doc = Doc::new(
            "The Biden administration, the Republican administration, the New York Times and \
             Emily Post met.",
        );
        let df = DocFeats::new(&doc, gazetteer::shipped());
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
        let span = |first: &str, last: &str, ty: usize| Span {
            first: at(first),
            end: at(last) + 1,
            ty,
            conf: 1.0,
            rule: "model",
        };
        let mut spans = [
            span("Biden", "Biden", 3),
            span("Republican", "Republican", 3),
            span("New", "Times", 2),
            span("Emily", "Post", 0),
        ];
        cue_types(&doc, &df, &mut spans);
        let types: Vec<Label> = spans.iter().map(|s| TYPES[s.ty]).collect();
        assert_eq!(types, [Label::PER, Label::MISC, Label::ORG, Label::PER]);
    }

    #[test]
    fn leaders_speakers_and_senators_are_titles() {
        let doc = Doc::new(
            "Senate Majority Leader Chuck Schumer, House Speaker Nancy Pelosi and Republican Sen. Mitt Romney met. Senators Ann Bee and Ed Cee voted.",
        );
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
        let span = |first: &str, last: &str, ty: usize| Span {
            first: at(first),
            end: at(last) + 1,
            ty,
            conf: 1.0,
            rule: "model",
        };
        // As the model read them: titles inside organizations, a title ending a group's name.
        let mut spans = vec![
            span("Senate", "Schumer", 1),
            span("House", "Pelosi", 1),
            span("Republican", "Sen", 3),
            span("Mitt", "Romney", 0),
            span("Senators", "Bee", 0),
        ];
        split_at_titles(&doc, &mut spans);
        strip_titles(&doc, &mut spans);
        let got: Vec<(&str, Label)> = spans
            .iter()
            .map(|s| (span_text(&doc, s), TYPES[s.ty]))
            .collect();
        assert_eq!(
            got,
            [
                ("Senate", Label::ORG),
                ("Chuck Schumer", Label::PER),
                ("House", Label::ORG),
                ("Nancy Pelosi", Label::PER),
                // (Typed by the later cue pass: MISC in the whole stage.)
                ("Republican", TYPES[spans[4].ty]),
                ("Mitt Romney", Label::PER),
                ("Ann Bee", Label::PER),
            ]
        );
    }

    #[test]
    fn a_bylines_names_are_people_and_its_agency_an_organization() {
        let names = |text: &str| -> Vec<(String, Label, &'static str)> {
            let doc = Doc::new(text);
            tag(&doc)
                .0
                .into_iter()
                .map(|c| (text[c.start..c.end].to_string(), c.label, c.rule))
                .collect()
        };
        let got = names(
            "By MARY CLARE JALONICK and LISA MASCARO Associated Press\n\nWASHINGTON (AP) — The \
             Senate voted on Wednesday.",
        );
        for (want, label) in [
            ("MARY CLARE JALONICK", Label::PER),
            ("LISA MASCARO", Label::PER),
            ("Associated Press", Label::ORG),
        ] {
            assert!(
                got.contains(&(want.to_string(), label, "rule:byline")),
                "{want}: {got:?}"
            );
        }
        let got = names("By Jane Doe, Staff Writer, and John Roe, Reuters\nThe talks ended.");
        assert!(
            got.contains(&("Jane Doe".into(), Label::PER, "rule:byline")),
            "{got:?}"
        );
        assert!(
            got.contains(&("John Roe".into(), Label::PER, "rule:byline")),
            "{got:?}"
        );
        assert!(
            got.contains(&("Reuters".into(), Label::ORG, "rule:byline")),
            "{got:?}"
        );
        assert!(!got.iter().any(|g| g.0.contains("Staff")), "{got:?}");
        // Without "By", a name and the writer's role.
        for (text, want) in [
            (
                "Pippa Crerar Political editor\nTalks ended.",
                "Pippa Crerar",
            ),
            (
                "Jane Q. Doe, Washington correspondent\nTalks ended.",
                "Jane Q. Doe",
            ),
        ] {
            let got = names(text);
            assert!(
                got.contains(&(want.into(), Label::PER, "rule:byline")),
                "{text}: {got:?}"
            );
        }
        assert!(names("Trump Fires White House Staff\nTalks ended.")
            .iter()
            .all(|g| g.2 != "rule:byline"));
        // Not bylines: a time, a sentence.
        for text in [
            "By Tuesday, officials said the talks had ended.",
            "By 2030 China will lead.",
        ] {
            assert!(
                names(text).iter().all(|g| g.2 != "rule:byline"),
                "{text}: {:?}",
                names(text)
            );
        }
    }

    #[test]
    fn names_read_apart_are_joined() {
        let doc = Doc::new(
            "Osama bin Laden, George W. Bush, a Los Angeles Times panel, Chicago NAPM and Ann Lee.",
        );
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
        let span = |first: &str, last: &str, ty: usize| Span {
            first: at(first),
            end: at(last) + 1,
            ty,
            conf: 1.0,
            rule: "model",
        };
        let mut spans = vec![
            span("Osama", "Osama", 1),
            span("Laden", "Laden", 1),
            span("George", "George", 0),
            span("W", "Bush", 2),
            span("Los", "Los", 2),
            span("Angeles", "Times", 1),
            // A place before an organization stays apart; so do two people read apart.
            span("Chicago", "Chicago", 2),
            span("NAPM", "NAPM", 1),
            span("Ann", "Ann", 0),
            span("Lee", "Lee", 2),
        ];
        join_adjacent(&doc, &mut spans);
        let got: Vec<(&str, Label)> = spans
            .iter()
            .map(|s| (span_text(&doc, s), TYPES[s.ty]))
            .collect();
        assert_eq!(
            got,
            [
                ("Osama bin Laden", Label::PER),
                ("George W. Bush", Label::PER),
                ("Los Angeles Times", Label::ORG),
                ("Chicago", Label::LOC),
                ("NAPM", Label::ORG),
                ("Ann", Label::PER),
                ("Lee", Label::LOC),
            ]
        );
    }

    #[test]
    fn a_name_read_on_through_a_speech_verb_is_split() {
        let doc = Doc::new("Merrill says Machado agreed with Bank of America.");
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
        let span = |first: &str, last: &str| Span {
            first: at(first),
            end: at(last) + 1,
            ty: 0,
            conf: 1.0,
            rule: "model",
        };
        let mut spans = vec![span("Merrill", "Machado"), span("Bank", "America")];
        split_at_verbs(&doc, &mut spans);
        let got: Vec<&str> = spans.iter().map(|s| span_text(&doc, s)).collect();
        assert_eq!(got, ["Merrill", "Machado", "Bank of America"]);
    }

    #[test]
    fn counties_regions_platforms_and_holidays() {
        let typed = |text: &str, spans: &[(&str, &str, usize)]| -> Vec<Label> {
            let doc = Doc::new(text);
            let df = DocFeats::new(&doc, gazetteer::shipped());
            let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
            let mut spans: Vec<Span> = spans
                .iter()
                .map(|&(a, b, ty)| Span {
                    first: at(a),
                    end: at(b) + 1,
                    ty,
                    conf: 1.0,
                    rule: "model",
                })
                .collect();
            cue_types(&doc, &df, &mut spans);
            spans.iter().map(|s| TYPES[s.ty]).collect()
        };
        let news =
            "Floods hit Essex and Lincolnshire, the North West and Twitter before Christmas.";
        assert_eq!(
            typed(
                news,
                &[
                    ("Essex", "Essex", 1),
                    ("Lincolnshire", "Lincolnshire", 1),
                    ("North", "West", 0),
                    ("Twitter", "Twitter", 0),
                    ("Christmas", "Christmas", 0),
                ]
            ),
            [Label::LOC, Label::LOC, Label::LOC, Label::ORG, Label::MISC]
        );
        assert_eq!(
            typed(
                "The Oscar nominee and Oscar Smith met.",
                &[("Oscar", "Oscar", 0)]
            ),
            [Label::MISC]
        );
        // A storm's name, with or without its word in the span; the Hurricane Center stays.
        assert_eq!(
            typed(
                "Hurricane Katrina and Typhoon Haiyan alarmed the National Hurricane Center.",
                &[
                    ("Hurricane", "Katrina", 0),
                    ("Haiyan", "Haiyan", 0),
                    ("National", "Center", 1)
                ]
            ),
            [Label::MISC, Label::MISC, Label::ORG]
        );
        assert_eq!(
            typed(
                "Towns hit by hurricanes Helene and Milton got aid, Helene Smith said.",
                &[
                    ("Helene", "Helene", 0),
                    ("Milton", "Milton", 0),
                    ("Smith", "Smith", 0)
                ]
            ),
            [Label::MISC, Label::MISC, Label::PER]
        );
        // A virus is no person.
        assert_eq!(
            typed("The Hantavirus spread.", &[("Hantavirus", "Hantavirus", 0)]),
            [Label::MISC]
        );
        // A "person" before a lower-case "district" is a place.
        assert_eq!(
            typed("He came from Doda district.", &[("Doda", "Doda", 0)]),
            [Label::LOC]
        );
        // An institution's word opening its name before "of"; a court by its word alone.
        assert_eq!(
            typed(
                "The Office of Undergraduate Education and the Court agreed.",
                &[("Office", "Education", 2), ("Court", "Court", 2)]
            ),
            [Label::ORG, Label::ORG]
        );
        // The verb "storm" names no storm.
        assert_eq!(
            typed(
                "Rebels storm Grozny; Storm Ciaran hit Cork.",
                &[("Grozny", "Grozny", 2), ("Ciaran", "Ciaran", 0)]
            ),
            [Label::LOC, Label::MISC]
        );
        // A title and a first name: a person.
        assert_eq!(
            typed(
                "Justice Amy Coney Barrett spoke; the Justice Department did not.",
                &[("Justice", "Barrett", 1), ("Justice", "Department", 1)]
            ),
            [Label::PER, Label::ORG]
        );
        // Not an institution named after a person.
        assert_eq!(
            typed(
                "He was taken to the Queen Elizabeth University Hospital.",
                &[("Queen", "Hospital", 1)]
            ),
            [Label::ORG]
        );
        // A constituency.
        assert_eq!(
            typed(
                "Rachael Maskell, the MP for York Central, spoke.",
                &[("York", "Central", 0)]
            ),
            [Label::LOC]
        );
        // A person after a role; "official" as an adjective before a place's paper stays.
        assert_eq!(
            typed(
                "Senior Hamas official Basem Naim told the official China Daily so.",
                &[
                    ("Hamas", "Hamas", 1),
                    ("Basem", "Naim", 1),
                    ("China", "Daily", 1)
                ]
            ),
            [Label::ORG, Label::PER, Label::ORG]
        );
        // The network X, and Telegram, whatever the model read.
        assert_eq!(
            typed(
                "He wrote on X and on Telegram.",
                &[("X", "X", 0), ("Telegram", "Telegram", 2)]
            ),
            [Label::ORG, Label::ORG]
        );
        // In a sports report the county is the team.
        let cricket = "Essex beat Lincolnshire by six wickets.";
        assert_eq!(
            typed(
                cricket,
                &[("Essex", "Essex", 1), ("Lincolnshire", "Lincolnshire", 1)]
            ),
            [Label::ORG, Label::ORG]
        );
    }

    #[test]
    fn members_of_parliament_are_not_part_of_the_party() {
        let doc = Doc::new("Tory MPs met. One MP left.");
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
        let s = trim(
            &doc,
            Span {
                first: at("Tory"),
                end: at("MPs") + 1,
                ty: 3,
                conf: 1.0,
                rule: "model",
            },
        )
        .unwrap();
        assert_eq!(span_text(&doc, &s), "Tory");
        let (names, _) = tag(&doc);
        let texts: Vec<&str> = names.iter().map(|c| &doc.text[c.start..c.end]).collect();
        assert!(
            !texts.contains(&"MP") && !texts.contains(&"MPs"),
            "{texts:?}"
        );
    }

    #[test]
    fn an_institution_goes_on_through_for_on_and_of() {
        let doc = Doc::new(
            "The Office for Budget Responsibility, the Commission on Presidential Debates and the \
             Council on Monday met.",
        );
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
        let span = |first: &str, last: &str, ty: usize| Span {
            first: at(first),
            end: at(last) + 1,
            ty,
            conf: 1.0,
            rule: "model",
        };
        let mut spans = vec![
            span("Office", "Office", 3),
            span("Budget", "Responsibility", 0),
            span("Commission", "Commission", 1),
            span("Council", "Council", 1),
        ];
        extend_institutions(&doc, &mut spans);
        let got: Vec<(&str, Label)> = spans
            .iter()
            .map(|s| (span_text(&doc, s), TYPES[s.ty]))
            .collect();
        assert_eq!(
            got,
            [
                ("Office for Budget Responsibility", Label::ORG),
                ("Commission on Presidential Debates", Label::ORG),
                ("Council", Label::ORG),
            ]
        );
        // On through an "and" after the particle, but not into another organization or place.
        let doc = Doc::new(
            "The National Institute for Health and Care Excellence, the Yale School of Medicine, \
             the Council of Europe and NATO met.",
        );
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| doc.tok(i) == w).unwrap();
        let span = |first: &str, last: &str, ty: usize| Span {
            first: at(first),
            end: at(last) + 1,
            ty,
            conf: 1.0,
            rule: "model",
        };
        let mut spans = vec![
            span("National", "Health", 1),
            span("Care", "Excellence", 0),
            span("Yale", "School", 0),
            span("Medicine", "Medicine", 2),
            span("Council", "Europe", 1),
            span("NATO", "NATO", 1),
        ];
        extend_institutions(&doc, &mut spans);
        let got: Vec<(&str, Label)> = spans
            .iter()
            .map(|s| (span_text(&doc, s), TYPES[s.ty]))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "National Institute for Health and Care Excellence",
                    Label::ORG
                ),
                ("Yale School of Medicine", Label::ORG),
                ("Council of Europe", Label::ORG),
                ("NATO", Label::ORG),
            ]
        );
    }

    #[test]
    fn an_institution_extended_to_its_word_goes_on_through_of() {
        // "Centers" is an institution's word too; and a name that only reaches its
        // institution's word by `extend_to_heads` goes on through "of" after it.
        for (text, name) in [
            (
                "Data came from the U.S. Centers for Disease Control and Prevention.",
                "U.S. Centers for Disease Control and Prevention",
            ),
            (
                "She teaches at the University of Miami Miller School of Medicine.",
                "University of Miami Miller School of Medicine",
            ),
        ] {
            let doc = Doc::new(text);
            let (names, _) = tag(&doc);
            let found: Vec<&str> = names.iter().map(|c| &text[c.start..c.end]).collect();
            assert!(found.contains(&name), "{found:?}");
        }
    }

    #[test]
    fn common_acronyms_are_no_names() {
        let doc = Doc::new("The BBC said the TV show used DNA tests and GPS data from NASA.");
        let (names, _) = tag(&doc);
        let texts: Vec<&str> = names.iter().map(|c| &doc.text[c.start..c.end]).collect();
        for bad in ["TV", "DNA", "GPS"] {
            assert!(!texts.contains(&bad), "{bad} in {texts:?}");
        }
        assert!(common_acronym("TV") && !common_acronym("NASA") && !common_acronym("tv"));
    }
}
