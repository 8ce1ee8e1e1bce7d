//! Every sentence the validator can say, in one catalog.
//!
//! A rule reports a [`Msg`]; the report turns it into a sentence that names the
//! field by its label ("Date of birth must ..."). Messages say what is wrong and how
//! to fix it, and never contain the rejected value: they are built only from the
//! field's label and constants of the rule.

/// Which sentence to say. Parameters are constants of the rule, never input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Msg {
    /// Missing, `null`, empty or blank.
    Required,
    /// Not a JSON string.
    NotString,
    /// Longer than `max` characters.
    TooLong {
        /// The most characters allowed.
        max: u32,
    },
    /// Shorter than `min` characters.
    TooShort {
        /// The fewest characters allowed.
        min: u32,
    },
    /// One of Dwolla's forbidden characters.
    ForbiddenCharacter,
    /// A control, zero-width or bidi character.
    InvisibleCharacter,
    /// A digit where none may be.
    ContainsDigits,
    /// A post-office box.
    PoBox,
    /// A state code in lowercase.
    StateCase,
    /// Not two letters.
    StateFormat,
    /// Two letters Dwolla does not accept.
    StateUnknown,
    /// Not a ZIP or ZIP+4.
    PostalCode,
    /// Not `YYYY-MM-DD`.
    DateFormat,
    /// `YYYY-MM-DD` but no such day.
    DateNotReal,
    /// Younger than `min` years.
    TooYoung {
        /// Youngest age accepted.
        min: u32,
    },
    /// Older than `max` years.
    TooOld {
        /// Oldest age accepted.
        max: u32,
    },
    /// Digits with separators (an SSN or EIN written `123-45-6789`).
    DigitsOnly,
    /// Wrong number of SSN digits on create.
    SsnLength,
    /// Not the full SSN on retry.
    SsnFull,
    /// Not the full SSN where only the full one is taken (beneficial owners).
    SsnNine,
    /// A phone number with the wrong number of digits.
    PhoneLength,
    /// Not an e-mail address.
    Email,
    /// An e-mail address over the length limits.
    EmailTooLong,
    /// Not an IP address.
    IpAddress,
    /// Characters a correlationId may not have.
    CorrelationId,
    /// Not one of the allowed values.
    OneOf {
        /// The allowed values, for the message.
        allowed: &'static [&'static str],
    },
    /// A field the payload shape does not define.
    UnknownField {
        /// A known field whose name is close.
        suggestion: Option<&'static str>,
    },
    /// No `type`, but fields only a verified Customer has.
    TypeRequiredForVerified,
    /// A `type` Dwolla does not know.
    TypeUnknown {
        /// A known type whose name is close.
        suggestion: Option<&'static str>,
    },
    /// The payload (or a nested field) is not a JSON object.
    NotObject,
    /// Not a UUID.
    Uuid,
    /// An EIN with the wrong number of digits.
    EinLength,
    /// Not an http(s) URL with a real host.
    Website,
    /// A country not written as two uppercase letters.
    CountryFormat,
    /// Two letters that are not an assigned country code.
    CountryUnknown,
    /// A non-US region code of the wrong shape.
    Region,
    /// A non-US postal code of the wrong shape.
    IntlPostalCode,
    /// A beneficial owner's US postal code that is not 5 digits.
    Zip5,
    /// A US person needs an SSN (a passport is for people outside the US).
    SsnRequiredInUs,
    /// A person outside the US needs a passport.
    PassportRequiredOutsideUs,
    /// A list with the wrong number of items.
    ItemCount {
        /// How many items are needed.
        exactly: u32,
    },
    /// The same question answered twice.
    DuplicateAnswer,
    /// A document type not accepted for whom it is for.
    DocumentType {
        /// The accepted values.
        allowed: &'static [&'static str],
    },
    /// A file name without an extension.
    FileNoExtension,
    /// A file extension not accepted.
    FileExtension {
        /// Whether PDF is accepted (business documents).
        pdf: bool,
    },
    /// A declared MIME type that disagrees with the extension.
    FileTypeMismatch,
    /// An empty file.
    FileEmpty,
    /// A file over the size limit.
    FileTooLarge {
        /// The most bytes accepted.
        max: u64,
    },
    /// The file's first bytes are not the format its name says.
    FileSignature,
    /// More uploads than Dwolla holds for review.
    TooManyDocuments {
        /// The most documents awaiting review.
        max: u32,
    },
    /// Not a number of bytes.
    NotByteCount,
}

impl Msg {
    /// The English sentence for a field labelled `label` ("First name").
    pub fn render(self, label: &str) -> String {
        match self {
            Msg::Required => format!("{label} is required."),
            Msg::NotString => format!("{label} must be a string in quotes, not a number, boolean, array or object."),
            Msg::TooLong { max } => format!("{label} must be at most {max} characters."),
            Msg::TooShort { min: 1 } => format!("{label} must not be empty."),
            Msg::TooShort { min } => format!("{label} must be at least {min} characters."),
            Msg::ForbiddenCharacter => format!(
                "{label} must not contain any of these characters: < > = \" ` ! ? % ~ $ {{ }} \\."
            ),
            Msg::InvisibleCharacter => format!(
                "{label} must not contain control, zero-width or text-direction characters; retype it."
            ),
            Msg::ContainsDigits => format!("{label} must not contain digits."),
            Msg::PoBox => format!("{label} must be a street address where the person lives, not a PO box."),
            Msg::StateCase => format!("{label} must be an uppercase two-letter code, such as CA."),
            Msg::StateFormat => format!("{label} must be a two-letter state code, such as CA."),
            Msg::StateUnknown => format!(
                "{label} must be the code of a US state, DC or a US territory; military codes are not accepted."
            ),
            Msg::PostalCode => format!(
                "{label} must be a 5-digit ZIP code, or a ZIP+4 written as 5 digits, a hyphen and 4 digits."
            ),
            Msg::DateFormat => format!("{label} must be a date written YYYY-MM-DD, with zeros before one-digit months and days."),
            Msg::DateNotReal => format!("{label} must be a real calendar date; check the month and day."),
            Msg::TooYoung { min } => format!("{label} must show the person is at least {min} years old."),
            Msg::TooOld { max } => format!("{label} must show the person is at most {max} years old; check the year."),
            Msg::DigitsOnly => format!("{label} must contain digits only; remove dashes, spaces and brackets."),
            Msg::SsnLength => format!("{label} must be the last 4 digits or all 9 digits."),
            Msg::SsnFull => format!("{label} must be all 9 digits when retrying verification."),
            Msg::SsnNine => format!("{label} must be all 9 digits."),
            Msg::PhoneLength => format!("{label} must be exactly 10 digits, without the leading +1."),
            Msg::Email => format!("{label} must be a valid e-mail address, such as name@example.com."),
            Msg::EmailTooLong => format!(
                "{label} must be at most 254 characters, with at most 64 before the @."
            ),
            Msg::IpAddress => format!(
                "{label} must be an IPv4 address such as 203.0.113.7, or an IPv6 address."
            ),
            Msg::CorrelationId => format!(
                "{label} may contain only letters, digits, hyphens, dots and underscores, with no spaces."
            ),
            Msg::OneOf { allowed } => {
                let mut s = format!("{label} must be one of: ");
                for (i, a) in allowed.iter().enumerate() {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    s.push_str(a);
                }
                s.push('.');
                s
            }
            Msg::UnknownField { suggestion: Some(s) } => {
                format!("This field is not part of this payload; did you mean \"{s}\"?")
            }
            Msg::UnknownField { suggestion: None } => {
                "This field is not part of this payload; remove it.".to_string()
            }
            Msg::TypeRequiredForVerified => format!(
                "{label} is required for a verified Customer: use \"personal\" or \"business\"."
            ),
            Msg::TypeUnknown { suggestion } => {
                let base = format!(
                    "{label} must be \"personal\", \"business\", \"receive-only\" or \"unverified\""
                );
                match suggestion {
                    Some(s) => format!("{base}; did you mean \"{s}\"?"),
                    None => format!("{base}."),
                }
            }
            Msg::NotObject => format!("{label} must be a JSON object."),
            Msg::Uuid => format!("{label} must be a UUID written 8-4-4-4-12 in hexadecimal, as Dwolla lists them."),
            Msg::EinLength => format!("{label} must be exactly 9 digits."),
            Msg::Website => format!("{label} must be a full web address starting with http:// or https://, such as https://www.example.com."),
            Msg::CountryFormat => format!("{label} must be a two-letter ISO country code in uppercase, such as US or GB."),
            Msg::CountryUnknown => format!("{label} must be an ISO 3166-1 country code; check the letters (the United Kingdom is GB)."),
            Msg::Region => format!("{label} must be two uppercase letters or digits: the ISO region code, or the country code where there is none."),
            Msg::IntlPostalCode => format!("{label} may contain only letters and digits, with single spaces or hyphens between them, up to 10 characters."),
            Msg::Zip5 => format!("{label} must be a 5-digit ZIP code."),
            Msg::SsnRequiredInUs => format!("{label} is required for a person with a US address; a passport is for people outside the US."),
            Msg::PassportRequiredOutsideUs => format!("{label} is required for a person with an address outside the US."),
            Msg::ItemCount { exactly } => format!("{label} must have exactly {exactly} items."),
            Msg::DuplicateAnswer => format!("{label} repeats a question answered above; answer each question once."),
            Msg::DocumentType { allowed } => Msg::OneOf { allowed }.render(label),
            Msg::FileNoExtension => format!("{label} must end with a file extension such as .jpg or .png."),
            Msg::FileExtension { pdf: false } => format!("{label} must be a .jpg, .jpeg or .png image."),
            Msg::FileExtension { pdf: true } => format!("{label} must be a .jpg, .jpeg or .png image, or a .pdf."),
            Msg::FileTypeMismatch => format!("{label} does not match the file name's extension."),
            Msg::FileEmpty => format!("{label} is empty; choose the file again."),
            Msg::FileTooLarge { max } => format!("{label} must be at most {max} bytes (Dwolla's 10 MiB upload limit less the request envelope)."),
            Msg::FileSignature => format!("{label} is not the kind of file its name says; export it again as a real JPEG, PNG or PDF."),
            Msg::TooManyDocuments { max } => format!("{label} would leave more than {max} documents awaiting review; wait for a review before uploading more."),
            Msg::NotByteCount => format!("{label} must be a whole number of bytes."),
        }
    }
}
