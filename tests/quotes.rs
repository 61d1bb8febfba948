//! Table-driven tests of the quote stage: each quote mark, apostrophes, nesting, multi-paragraph
//! and unclosed quotes, each attribution rule, speaker resolution, and regressions named after the
//! problem they pin down.
//!
//! `t!(name, text, [(quote text, kind, speaker, rule), …])` analyzes `text` and expects exactly
//! these quotes (indirect quotes are ignored unless the row's kind is `"indirect"`). `speaker` is
//! `Some(s)`: the speaker's name contains `s`; `None`: no check. `rule` is `Some(r)`: the rule is `r`.
#![cfg(not(target_arch = "wasm32"))]

use article_analyzer::{analyze, Options, Quote, QuoteKind};

struct Want {
    text: &'static str,
    kind: &'static str,
    speaker: Option<&'static str>,
    rule: Option<&'static str>,
}

fn kind_name(k: QuoteKind) -> &'static str {
    match k {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
        QuoteKind::Indirect => "indirect",
        QuoteKind::Term => "term",
    }
}

fn quotes(text: &str) -> Vec<Quote> {
    let a = analyze(text, &Options::default());
    for q in &a.quotes {
        assert_eq!(&text[q.start..q.end], q.text, "offsets must index the text");
        if let Some(m) = q.speaker.as_ref().and_then(|s| s.mention.as_ref()) {
            assert_eq!(&text[m.start..m.end], m.text);
        }
    }
    a.quotes
}

fn check(text: &str, want: &[Want]) {
    let with_indirect = want.iter().any(|w| w.kind == "indirect");
    let got: Vec<Quote> = quotes(text)
        .into_iter()
        .filter(|q| with_indirect || q.kind != QuoteKind::Indirect)
        .collect();
    let show = |qs: &[Quote]| {
        qs.iter()
            .map(|q| {
                format!(
                    "  {:?} {} speaker={:?} rule={}",
                    q.text,
                    kind_name(q.kind),
                    q.speaker.as_ref().map(|s| &s.name),
                    q.rule
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(
        got.len(),
        want.len(),
        "quote count in {text:?}; got:\n{}",
        show(&got)
    );
    for (g, w) in got.iter().zip(want) {
        assert_eq!(g.text, w.text, "in {text:?}; got:\n{}", show(&got));
        assert_eq!(kind_name(g.kind), w.kind, "kind of {:?}", g.text);
        if let Some(s) = w.speaker {
            let name = g.speaker.as_ref().map(|sp| sp.name.as_str()).unwrap_or("");
            assert!(
                name.contains(s),
                "speaker of {:?}: got {name:?}, want {s:?} (rule {})",
                g.text,
                g.rule
            );
        }
        if let Some(r) = w.rule {
            assert_eq!(g.rule, r, "rule of {:?}", g.text);
        }
        assert!((0.0..=1.0).contains(&g.confidence));
    }
}

macro_rules! t {
    ($name:ident, $text:expr, [$(($q:expr, $kind:expr, $sp:expr, $rule:expr)),* $(,)?]) => {
        #[test]
        fn $name() {
            check($text, &[$(Want { text: $q, kind: $kind, speaker: $sp, rule: $rule }),*]);
        }
    };
}

/// Each quote mark.
mod marks {
    use super::*;

    t!(
        curly,
        "“We won the vote today,” John Smith said.",
        [(
            "“We won the vote today,”",
            "direct",
            Some("Smith"),
            Some("QSV")
        )]
    );
    t!(
        straight,
        "\"We won the vote today,\" John Smith said.",
        [(
            "\"We won the vote today,\"",
            "direct",
            Some("Smith"),
            Some("QSV")
        )]
    );
    t!(
        guillemets,
        "«We won the vote today,» John Smith said.",
        [(
            "«We won the vote today,»",
            "direct",
            Some("Smith"),
            Some("QSV")
        )]
    );
    t!(
        low_nine,
        "„We won the vote today,“ John Smith said.",
        [(
            "„We won the vote today,“",
            "direct",
            Some("Smith"),
            Some("QSV")
        )]
    );
    t!(
        doubled_apostrophes,
        "''We won the vote today,'' John Smith said.",
        [(
            "''We won the vote today,''",
            "direct",
            Some("Smith"),
            Some("QSV")
        )]
    );
    t!(
        mixed_curly_straight,
        "“We won the vote today,\" John Smith said.",
        [(
            "“We won the vote today,\"",
            "direct",
            Some("Smith"),
            Some("QSV")
        )]
    );
    t!(
        mistyped_opener,
        "”We won the vote today,” John Smith said.",
        [(
            "”We won the vote today,”",
            "direct",
            Some("Smith"),
            Some("QSV")
        )]
    );
    t!(
        single_partial,
        "John Smith called the plan ‘a total disaster’.",
        [(
            "‘a total disaster’",
            "partial",
            Some("Smith"),
            Some("label")
        )]
    );
}

/// A short quote after a verb that characterises ("condemned … as", "likened … to") is a partial
/// quote of the verb's subject, not a mere term.
mod characterising_verbs {
    use super::*;

    t!(
        condemned_as,
        "President Obama condemned the test as \"provocative and destabilizing\" on Friday.",
        [(
            "\"provocative and destabilizing\"",
            "partial",
            Some("Obama"),
            Some("label")
        )]
    );
    t!(
        likened_to,
        "At a rally, John Smith likened the plan to a “vicious snake” in a song.",
        [("“vicious snake”", "partial", Some("Smith"), Some("label"))]
    );
    t!(
        exhorted_to,
        "Ted Cruz exhorted Republicans to \"vote your conscience\" in July.",
        [(
            "\"vote your conscience\"",
            "partial",
            Some("Cruz"),
            Some("label")
        )]
    );
}

/// Apostrophes are never quote marks.
mod apostrophes {
    use super::*;

    t!(
        inside_word_and_after_s,
        "“Both countries’ willingness matters and it’s real,” John Smith said.",
        [(
            "“Both countries’ willingness matters and it’s real,”",
            "direct",
            Some("Smith"),
            Some("QSV")
        )]
    );
    t!(
        possessive_inside_single_quotes,
        "John Smith called him ‘Putin’s puppet’.",
        [("‘Putin’s puppet’", "partial", Some("Smith"), Some("label"))]
    );
    t!(
        plural_possessive_outside_quotes,
        "The United States’ support for Ukraine’s sovereignty is firm.",
        []
    );
    t!(
        straight_apostrophes,
        "John Smith's dog didn't bark at the neighbours' cat.",
        []
    );
}

/// Nested, multi-paragraph and unclosed quotes.
mod structure {
    use super::*;

    t!(
        nested_single,
        "“He told me ‘no way’ and left,” John Smith said.",
        [(
            "“He told me ‘no way’ and left,”",
            "direct",
            Some("Smith"),
            Some("QSV")
        )]
    );
    t!(
        nested_straight_in_curly,
        "“He told me \"no way\" and left,” John Smith said.",
        [(
            "“He told me \"no way\" and left,”",
            "direct",
            Some("Smith"),
            Some("QSV")
        )]
    );
    t!(
        multi_paragraph,
        "John Smith said: “We won the vote today.\n\n“And we will win again next year.”",
        [
            (
                "“We won the vote today.",
                "direct",
                Some("Smith"),
                Some("colon")
            ),
            (
                "“And we will win again next year.”",
                "direct",
                Some("Smith"),
                Some("continuation")
            ),
        ]
    );
    t!(
        unclosed_at_paragraph_end,
        "John Smith said: “We won the vote today.\n\nThe count ended at noon.",
        [(
            "“We won the vote today.",
            "direct",
            Some("Smith"),
            Some("colon")
        )]
    );

    #[test]
    fn unclosed_is_flagged_and_continued_is_not() {
        let q = quotes("John Smith said: “We won the vote today.\n\nThe count ended at noon.");
        assert!(q[0].unclosed);
        let q = quotes("John Smith said: “We won the vote today.\n\n“And we will win again.”");
        assert!(!q[0].unclosed && !q[1].unclosed);
    }

    #[test]
    fn odd_quote_marks_never_panic() {
        for text in [
            "“",
            "”",
            "\"",
            "'",
            "‘",
            "’",
            "“a",
            "a”",
            "\"\"\"",
            "“‘”’",
            "„«»“",
            "''",
            "``",
            "“\n\n“",
            "He said “",
            "x ” y “ z",
            "’s",
            "‘’‘’",
            "\u{0}“\u{0}”",
            "“é”\n\n\"ü\"",
        ] {
            let a = analyze(text, &Options::default());
            for q in &a.quotes {
                assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
            }
        }
    }
}

/// Each attribution rule.
mod rules {
    use super::*;

    t!(
        as_put_it_after,
        "The requirement is a \"lawful source of investment income,\" as a Homeland Security memo put it.",
        [(
            "\"lawful source of investment income,\"",
            "partial",
            Some("Homeland Security"),
            Some("as-put-it")
        )]
    );
    t!(
        as_put_it_before,
        "As John Smith put it, “We have no plan for this at all.”",
        [(
            "“We have no plan for this at all.”",
            "direct",
            Some("Smith"),
            Some("as-put-it")
        )]
    );
    t!(
        qvs_first_person_of_the_phrase,
        "“The impact of the debate is still small,” wrote Cameron Easley for Morning Consult.",
        [(
            "“The impact of the debate is still small,”",
            "direct",
            Some("Easley"),
            Some("QVS")
        )]
    );
    t!(
        the_term_is_a_noun,
        "Sen. Bernie Sanders accused her of making racist remarks by using the term \"superpredator\" in the 1990s.",
        [("\"superpredator\"", "partial", Some("Sanders"), Some("SV"))]
    );
    t!(
        shot_back,
        "“They are all here because of the free stuff,” Jim Bennett shot back with a laugh.",
        [(
            "“They are all here because of the free stuff,”",
            "direct",
            Some("Bennett"),
            Some("QSV")
        )]
    );
    t!(
        qsv_subject_before_a_relative_clause,
        "“The agents involved are under a lot of pressure,” an intelligence source, who was not authorized to speak on the record, told Fox News.",
        [(
            "“The agents involved are under a lot of pressure,”",
            "direct",
            Some("intelligence source"),
            Some("QSV")
        )]
    );
    t!(
        relative_clause_subject,
        "On Thursday, Ted Cruz scored an endorsement from Mike Lee, who declared in the spin room, “I’m sending the signal that it’s time to unite.”",
        [(
            "“I’m sending the signal that it’s time to unite.”",
            "direct",
            Some("Lee"),
            Some("SV")
        )]
    );
    t!(
        subject_after_a_relative_clause,
        "It was less than three years ago that Michael Bloomberg, who is thinking about running, said it was \"impossible\" for him.",
        [("\"impossible\"", "partial", Some("Bloomberg"), Some("SV"))]
    );
    t!(
        an_adverb_is_no_speaker,
        "House Republican Thomas Massie used to support Rand Paul, but now said Trump had “the opportunity and the obligation to bring us together.”",
        [(
            "“the opportunity and the obligation to bring us together.”",
            "partial",
            Some("Massie"),
            Some("SV")
        )]
    );
    t!(
        by_saying_is_the_clauses_subject,
        "President Barack Obama responded to a Gold Star mother by saying that his words were a “manufactured” issue.",
        [("“manufactured”", "partial", Some("Obama"), Some("SV"))]
    );

    t!(
        qsv,
        "“We won the vote today,” John Smith said.",
        [(
            "“We won the vote today,”",
            "direct",
            Some("Smith"),
            Some("QSV")
        )]
    );
    t!(
        qvs,
        "“We won the vote today,” said John Smith.",
        [(
            "“We won the vote today,”",
            "direct",
            Some("Smith"),
            Some("QVS")
        )]
    );
    t!(
        sv_comma,
        "John Smith said, “We won the vote today.”",
        [(
            "“We won the vote today.”",
            "direct",
            Some("Smith"),
            Some("SV")
        )]
    );
    t!(
        colon,
        "John Smith told reporters: “We won the vote today.”",
        [(
            "“We won the vote today.”",
            "direct",
            Some("Smith"),
            Some("colon")
        )]
    );
    t!(
        according_to,
        "“We won the vote today,” according to John Smith.",
        [(
            "“We won the vote today,”",
            "direct",
            Some("Smith"),
            Some("according-to")
        )]
    );
    t!(
        split,
        "“We won the vote today,” John Smith said, “and we will win again.”",
        [
            (
                "“We won the vote today,”",
                "direct",
                Some("Smith"),
                Some("QSV")
            ),
            (
                "“and we will win again.”",
                "direct",
                Some("Smith"),
                Some("split")
            ),
        ]
    );
    t!(
        paragraph_next_sentence,
        "“We won the vote today,” John Smith said. “We will win again next year.”",
        [
            (
                "“We won the vote today,”",
                "direct",
                Some("Smith"),
                Some("QSV")
            ),
            (
                "“We will win again next year.”",
                "direct",
                Some("Smith"),
                Some("split")
            ),
        ]
    );
    t!(
        dash,
        "“We won the vote today and we will win again.” ― John Smith",
        [(
            "“We won the vote today and we will win again.”",
            "direct",
            Some("Smith"),
            Some("dash")
        )]
    );
    t!(
        label_partial,
        "John Smith called the plan “a disaster for farmers” on Monday.",
        [(
            "“a disaster for farmers”",
            "partial",
            Some("Smith"),
            Some("label")
        )]
    );
    t!(
        colon_across_paragraphs,
        "John Smith continued:\n\n“We won the vote today and we will win again.”",
        [(
            "“We won the vote today and we will win again.”",
            "direct",
            Some("Smith"),
            Some("colon")
        )]
    );
    t!(
        transcript,
        "John Smith met reporters.\n\n\"SMITH: We won the vote today.\"",
        [(
            "\"SMITH: We won the vote today.\"",
            "direct",
            Some("Smith"),
            Some("transcript")
        )]
    );
}

/// Speakers resolved to entities.
mod resolution {
    use super::*;

    t!(
        pronoun_he,
        "John Smith arrived in London on Monday.\n\n“We won the vote today,” he said.",
        [(
            "“We won the vote today,”",
            "direct",
            Some("John Smith"),
            Some("QSV")
        )]
    );
    t!(
        pronoun_she_by_gender,
        "Mary Jones met John Smith in London.\n\n“It went well for both of us,” she said.",
        [(
            "“It went well for both of us,”",
            "direct",
            Some("Mary Jones"),
            Some("QSV")
        )]
    );
    t!(
        it_is_the_organization,
        "The White House issued a statement on Monday. “The talks went well,” it added.",
        [(
            "“The talks went well,”",
            "direct",
            Some("White House"),
            Some("QSV")
        )]
    );
    t!(
        statement_read,
        "“The talks went well,” the White House statement read.",
        [(
            "“The talks went well,”",
            "direct",
            Some("White House"),
            Some("QSV")
        )]
    );
    t!(nominal_by_role, "Press secretary Jen Psaki spoke in Washington on Monday. “We are ready for talks,” the press secretary said.", [("“We are ready for talks,”", "direct", Some("Psaki"), Some("QSV"))]);
    t!(
        never_a_name_inside_the_quote,
        "John Smith arrived in London on Monday. “Mary Jones is wrong about this,” he said.",
        [(
            "“Mary Jones is wrong about this,”",
            "direct",
            Some("John Smith"),
            Some("QSV")
        )]
    );

    #[test]
    fn pronoun_becomes_a_mention_of_the_speaker() {
        let text = "John Smith arrived in London on Monday.\n\n“We won the vote today,” he said.";
        let a = analyze(text, &Options::default());
        let id = a.quotes[0].speaker.as_ref().and_then(|s| s.entity.clone());
        let e = a.entities.iter().find(|e| Some(&e.id) == id.as_ref());
        let e = e.expect("speaker entity");
        assert!(e
            .mentions
            .iter()
            .any(|m| m.text == "he" && m.rule == "coref:pronoun"));
    }
}

/// Titles and scare quotes.
mod terms {
    use super::*;

    t!(
        title,
        "She watched “The Apprentice” on Monday night.",
        [("“The Apprentice”", "term", None, None)]
    );
    t!(
        scare_quote,
        "The so-called “experts” were wrong again.",
        [("“experts”", "term", None, None)]
    );
}

/// A nationality as a noun for the last person named.
mod nationality {
    use super::*;

    #[test]
    fn the_italian_said() {
        let text =
            "Real manager Carlo Ancelotti admitted defeat. \"They deserved it,\" the Italian said.";
        let q = quotes(text);
        assert_eq!(q.len(), 1, "{q:?}");
        let sp = q[0].speaker.as_ref().expect("a speaker");
        assert_eq!(sp.name, "Carlo Ancelotti");
        assert_eq!(
            sp.mention.as_ref().map(|m| m.text.as_str()),
            Some("the Italian")
        );
    }
}

/// Reported speech.
mod indirect {
    use super::*;

    #[test]
    fn said_that() {
        let q = quotes("John Smith told reporters that the vote would be held next week.");
        let q: Vec<_> = q.iter().filter(|q| q.kind == QuoteKind::Indirect).collect();
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].text, "the vote would be held next week");
        assert!(q[0]
            .speaker
            .as_ref()
            .is_some_and(|s| s.name.contains("Smith")));
    }

    /// After a verb that also takes objects, a name opens reported speech only when a verb
    /// follows it: "added Acme drugs to its list" reports nothing.
    #[test]
    fn a_name_after_added_is_its_object_unless_a_verb_follows() {
        let indirect = |text: &str| {
            quotes(text)
                .into_iter()
                .filter(|q| q.kind == QuoteKind::Indirect)
                .map(|q| q.text)
                .collect::<Vec<_>>()
        };
        let q = indirect(
            "The World Health Organization added Acme drugs to its list of essential medicines.",
        );
        assert!(q.is_empty(), "{q:?}");
        let q = indirect("Jane Smith added Acme would cut prices next year.");
        assert_eq!(q, ["Acme would cut prices next year"]);
        // (A noun phrase opens it either way: PolNeAR's attributions count "confirmed the
        // extension" as reporting, with "the extension" its content.)
        let q = indirect("Acme confirmed the merger would close in June.");
        assert_eq!(q, ["the merger would close in June"]);
    }

    /// After "said" a noun phrase with a verb form a few words on opens the clause; a
    /// preposition or a time word does not; findings and beliefs with "that" are reported too.
    #[test]
    fn said_a_clause_and_found_that() {
        let indirect = |text: &str| {
            quotes(text)
                .into_iter()
                .filter(|q| q.kind == QuoteKind::Indirect)
                .map(|q| (q.text, q.speaker.map(|s| s.name.to_string())))
                .collect::<Vec<_>>()
        };
        let q = indirect("Jim Johnson said local election officials should reach out to the FBI.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(
            q[0].0,
            "local election officials should reach out to the FBI"
        );
        assert!(q[0].1.as_deref().is_some_and(|s| s.contains("Johnson")));
        let q = indirect("The mayor of Boston also said there had been no credible threats.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(q[0].0.starts_with("there had been"));
        assert!(indirect("Jim Johnson said in a speech to the party faithful.").is_empty());
        let q = indirect("Jim Johnson left the talks, saying both sides had made mistakes.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "both sides had made mistakes");
        assert!(q[0].1.as_deref().is_some_and(|s| s.contains("Johnson")));
        let q = indirect(
            "A Quinnipiac University poll found that most voters want the returns released.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(q[0].0.starts_with("most voters"));
        assert!(indirect("Police found the car near the river on Monday.").is_empty());
    }

    /// A time phrase between the subject and its verb is skipped: the subject speaks, not
    /// "week" or "Tuesday".
    #[test]
    fn time_phrases_before_the_verb_are_no_speakers() {
        for (text, who) in [
            (
                "Acme Corp makes tools. Acme Corp this week said it would appeal.",
                "Acme",
            ),
            (
                "The mayor on Tuesday said that the bridge would reopen.",
                "mayor",
            ),
            (
                "Priebus later Thursday said the party would unite.",
                "Priebus",
            ),
        ] {
            let q: Vec<_> = quotes(text)
                .into_iter()
                .filter(|q| q.kind == QuoteKind::Indirect)
                .collect();
            assert_eq!(q.len(), 1, "{text}: {q:?}");
            let name = q[0].speaker.as_ref().map(|s| s.name.as_str()).unwrap_or("");
            assert!(name.contains(who), "{text}: speaker {name:?}");
        }
    }

    /// A report opens at its clause: not at the addressee of "told" nor at a time phrase.
    #[test]
    fn reports_open_at_their_clause() {
        for (text, want) in [
            (
                "An escort told the Herald yesterday she came face to face with him.",
                "she came face to face with him",
            ),
            (
                "Prosecutors said this week there is no doubt he was guilty.",
                "there is no doubt he was guilty",
            ),
            (
                "Officials said this week was the worst.",
                "this week was the worst",
            ),
        ] {
            let q: Vec<_> = quotes(text)
                .into_iter()
                .filter(|q| q.kind == QuoteKind::Indirect)
                .map(|q| q.text.to_string())
                .collect();
            assert_eq!(q, [want], "{text}");
        }
    }

    /// "According to X" reports the rest of its sentence, before or after it; not a quote's
    /// (the direct quote has it as its cue) nor a phrase without a clause.
    #[test]
    fn according_to_reports_its_sentence() {
        let indirect = |text: &str| {
            quotes(text)
                .into_iter()
                .filter(|q| q.kind == QuoteKind::Indirect)
                .map(|q| (q.text, q.speaker.map(|s| s.name.to_string())))
                .collect::<Vec<_>>()
        };
        let q = indirect("According to the Tax Foundation, the plan would cost $374 billion.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "the plan would cost $374 billion");
        assert!(q[0]
            .1
            .as_deref()
            .is_some_and(|s| s.contains("Tax Foundation")));
        let q = indirect("The company lost $2 billion last year, according to Reuters.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "The company lost $2 billion last year");
        assert!(q[0].1.as_deref().is_some_and(|s| s.contains("Reuters")));
        assert!(indirect("“We lost,” according to Jane Smith.").is_empty());
        assert!(indirect("They planned it according to the rules of the game.").is_empty());
        // The article's lead-in is not what was reported: a leading date line, a dateline's
        // place, agency and dash; and the agency is not the source a later "the report" means.
        let q = indirect(
            "date 2021-01-27 Joe Biden held a call with Vladimir Putin, according to a White \
             House statement.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "Joe Biden held a call with Vladimir Putin");
        let q = indirect(
            "WASHINGTON (Reuters) - The company lost $2 billion last year, according to the \
             report.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "The company lost $2 billion last year");
        assert_eq!(q[0].1.as_deref(), Some("the report"));
        // A public body with its owner before it is not the last organization named; a
        // description of one may be.
        let q = indirect(
            "The European Union signed the deal. Gibraltar's economy grew 5 % last year, \
             according to the territory's government.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1.as_deref(), Some("the territory's government"));
        let q = indirect(
            "HSBC will stop financing oil fields. Fossil fuel lending will end by 2030, \
             according to Europe's largest bank.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1.as_deref(), Some("HSBC"));
    }

    /// A work, an event or a law does not speak: a speech verb whose subject is one ("the
    /// album Exodus … confirmed") gives no speaker to the paragraph's quote; a group may.
    #[test]
    fn works_do_not_speak() {
        let speaker = |text: &str| {
            quotes(text)
                .into_iter()
                .find(|q| q.kind == QuoteKind::Direct)
                .and_then(|q| q.speaker.map(|s| s.name.to_string()))
        };
        let s = speaker(
            "Partridge worked with Marley.\n\nThe album Exodus came out in 1977 and that \
             confirmed his status. \"By 1979 he was the biggest touring attraction in the world.\"",
        );
        assert!(s.as_deref() != Some("Exodus"), "{s:?}");
        let s = speaker(
            "The bill passed.\n\nDemocrats confirmed their support on Monday. \"This is a good \
             day for working families.\"",
        );
        assert_eq!(s.as_deref(), Some("Democrats"));
    }

    /// A place that qualifies a person's noun is not the speaker: "the Vermont senator" speaks,
    /// not Vermont; "the US government" is still the United States'.
    #[test]
    fn a_place_before_a_persons_noun_is_not_the_speaker() {
        let speakers = |text: &str| {
            quotes(text)
                .into_iter()
                .filter(|q| q.kind != QuoteKind::Term)
                .map(|q| q.speaker.map(|s| s.name.to_string()))
                .collect::<Vec<_>>()
        };
        let s = speakers(
            "Bernie Sanders spoke in Iowa. \"We need a political revolution,\" the Vermont \
             senator said.",
        );
        assert_eq!(s.len(), 1, "{s:?}");
        assert!(s[0].as_deref() != Some("Vermont"), "{s:?}");
        let s = speakers("\"We will not pay,\" the US government said on Monday.");
        assert_eq!(s, [Some("US".to_string())]);
        // A plural is no one person, whatever role words a name carried nearby.
        let s = speakers(
            "Mark Smith, who leads the US teams, spoke. \"We share what we find,\" US teams say.",
        );
        assert_eq!(s, [Some("US teams".to_string())]);
        // The connectives and time words before a noun phrase are not part of the speaker.
        let s = speakers("But the tobacco companies said the ban was unfair.");
        assert_eq!(s, [Some("the tobacco companies".to_string())]);
        let s = speakers("Last week MPs said the plan would fail.");
        assert_eq!(s, [Some("MPs".to_string())]);
        let s = speakers("On Tuesday the chancellor said the plan would work.");
        assert_eq!(s, [Some("the chancellor".to_string())]);
        // A weekday that opens a name stays in it.
        let s = speakers("Yesterday Sunday Life reported the club would fold.");
        assert_eq!(s, [Some("Sunday Life".to_string())]);
    }

    /// An abbreviation's period inside reported speech does not end it.
    #[test]
    fn reported_speech_goes_on_past_jan() {
        let q = quotes(
            "Egypt's information service said the truce, which took effect on Jan. 19, would \
             now last until March 12.",
        );
        let q: Vec<_> = q.iter().filter(|q| q.kind == QuoteKind::Indirect).collect();
        assert_eq!(q.len(), 1);
        assert!(q[0].text.ends_with("until March 12"), "{}", q[0].text);
    }
}

/// Regressions, each named after the problem.
mod regression {
    use super::*;

    t!(
        stray_straight_opener_does_not_swallow_curly_quotes,
        "\"Kevin was asleep. “Here he is, babe,” Mary Jones said.",
        [("“Here he is, babe,”", "direct", Some("Jones"), Some("QSV"))]
    );
    t!(
        abbreviation_dots_inside_speaker_name,
        "“This is a disgusting day,” said Rep. John Smith (D-N.C.), head of the caucus.",
        [(
            "“This is a disgusting day,”",
            "direct",
            Some("Smith"),
            Some("QVS")
        )]
    );
    t!(
        noun_note_is_not_a_cue,
        "“We won the vote today.”\n\nEditor’s note: John Smith is a columnist.",
        [("“We won the vote today.”", "direct", None, None)]
    );
    t!(secretary_of_state_is_not_a_speech_verb, "John Smith once described the deal as “the gold standard” of trade deals when he was secretary of state.", [("“the gold standard”", "partial", Some("Smith"), Some("label"))]);
    t!(pronoun_before_the_verb_is_the_subject, "The health chief spoke on Monday.\nAnd on Twitter he added: “We need more information from the region.”", [("“We need more information from the region.”", "direct", Some("he"), None)]);
    t!(introductory_phrase_is_not_the_subject, "In his Presidential debate, John Smith had accused Mary Jones of being lenient, calling her ‘a puppet’.", [("‘a puppet’", "partial", Some("John Smith"), Some("label"))]);

    #[test]
    fn noun_note_is_not_a_cue_rule() {
        let q = quotes("“We won the vote today.”\n\nEditor’s note: John Smith is a columnist.");
        assert_ne!(q[0].rule, "QSV");
    }
}

/// Any mix of quote marks, apostrophes, letters and breaks: no panic, offsets on char boundaries,
/// quotes in order and never overlapping (indirect ones aside).
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_text_gives_valid_quotes(s in "[“”‘’\"'«»„`a-zA-Z .,:;\n—―]{0,300}") {
            let a = analyze(&s, &Options::default());
            let mut last_end = 0;
            for q in a.quotes.iter().filter(|q| q.kind != QuoteKind::Indirect) {
                prop_assert!(s.is_char_boundary(q.start) && s.is_char_boundary(q.end));
                prop_assert!(q.start < q.end && q.start >= last_end);
                prop_assert_eq!(&s[q.start..q.end], q.text.as_str());
                last_end = q.end;
            }
        }
    }
}
