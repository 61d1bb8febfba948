//! Synthetic article-like text from a seeded generator: varied sentences with names, places,
//! organisations, dates, amounts and quotations — never gold data. Used by the linear-time and
//! hostile-input tests.

/// A small deterministic PRNG (xorshift64*), so every run builds the same text.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (any value; 0 is remapped).
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    /// The next pseudo-random number.
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// One element of `xs`.
    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mer", "dan", "vi", "tor", "sel", "ra", "bin", "gar", "wen", "ost", "li", "mar",
    "ten", "quo", "fel", "han", "ri", "zu",
];
const FIRST: &[&str] = &[
    "Anna", "James", "Maria", "Wei", "Olga", "Pedro", "Fatima", "John", "Ingrid", "Kofi", "Laura",
    "Tomás",
];
const ORG_SUFFIX: &[&str] = &[
    "Corp.",
    "Group",
    "Ministry",
    "Party",
    "Bank",
    "Institute",
    "Inc.",
];
const VERBS: &[&str] = &[
    "said",
    "told reporters",
    "added",
    "warned",
    "argued",
    "explained",
    "wrote",
];
const MONTHS: &[&str] = &[
    "January",
    "March",
    "May",
    "July",
    "September",
    "November",
    "Monday",
    "Friday",
];
const WORDS: &[&str] = &[
    "the",
    "government",
    "plans",
    "to",
    "increase",
    "spending",
    "on",
    "roads",
    "and",
    "schools",
    "after",
    "a",
    "long",
    "debate",
    "in",
    "parliament",
    "over",
    "taxes",
    "with",
    "critics",
    "saying",
    "that",
    "budget",
    "was",
    "not",
    "enough",
    "for",
    "rural",
    "areas",
    "election",
    "market",
    "prices",
    "rose",
    "sharply",
    "during",
    "week",
    "officials",
    "expect",
    "growth",
];

fn name(r: &mut Rng) -> String {
    let mut s = String::new();
    for k in 0..2 + r.below(2) {
        let syl = r.pick(SYLLABLES);
        if k == 0 {
            let mut c = syl.chars();
            if let Some(f) = c.next() {
                s.extend(f.to_uppercase());
                s.push_str(c.as_str());
            }
        } else {
            s.push_str(syl);
        }
    }
    s
}

fn clause(r: &mut Rng, out: &mut String) {
    for _ in 0..4 + r.below(8) {
        out.push_str(r.pick(WORDS));
        out.push(' ');
    }
    out.pop();
}

/// One sentence of one of several shapes.
pub fn sentence(r: &mut Rng, out: &mut String) {
    let person = format!("{} {}", r.pick(FIRST), name(r));
    match r.below(6) {
        0 => {
            out.push('“');
            let mut c = String::new();
            clause(r, &mut c);
            capitalise_into(&c, out);
            out.push_str(",” ");
            out.push_str(&person);
            out.push(' ');
            out.push_str(r.pick(VERBS));
            out.push('.');
        }
        1 => {
            out.push_str(&person);
            out.push_str(" of the ");
            out.push_str(&name(r));
            out.push(' ');
            out.push_str(r.pick(ORG_SUFFIX));
            out.push_str(" said on ");
            out.push_str(r.pick(MONTHS));
            out.push_str(&format!(" {} that ", 1 + r.below(28)));
            clause(r, out);
            out.push('.');
        }
        2 => {
            out.push_str("In ");
            out.push_str(&name(r));
            out.push_str(&format!(
                ", prices rose {}.{}% to ${} million in {}, ",
                r.below(20),
                r.below(10),
                1 + r.below(900),
                1990 + r.below(35)
            ));
            clause(r, out);
            out.push('.');
        }
        3 => {
            out.push_str(&person);
            out.push_str(" called the plan ‘");
            out.push_str(r.pick(WORDS));
            out.push(' ');
            out.push_str(r.pick(WORDS));
            out.push_str("’ and ");
            out.push_str(r.pick(VERBS));
            out.push_str(": \"");
            let mut c = String::new();
            clause(r, &mut c);
            capitalise_into(&c, out);
            out.push_str(".\"");
        }
        _ => {
            let mut c = String::new();
            clause(r, &mut c);
            capitalise_into(&c, out);
            out.push_str(", according to ");
            out.push_str(&person);
            out.push('.');
        }
    }
}

fn capitalise_into(s: &str, out: &mut String) {
    let mut c = s.chars();
    if let Some(f) = c.next() {
        out.extend(f.to_uppercase());
        out.push_str(c.as_str());
    }
}

/// An article of about `bytes` bytes: paragraphs of 1–4 sentences separated by blank lines.
pub fn article(seed: u64, bytes: usize) -> String {
    let mut r = Rng::new(seed);
    let mut out = String::with_capacity(bytes + 256);
    while out.len() < bytes {
        for k in 0..1 + r.below(4) {
            if k > 0 {
                out.push(' ');
            }
            sentence(&mut r, &mut out);
        }
        out.push_str("\n\n");
    }
    out
}
