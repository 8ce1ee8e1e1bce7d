//! Every sentence the validator can say, in one catalog.
//!
//! A rule reports a [`Msg`]; the report turns it into a sentence that names the
//! field by its label ("Date of birth must ..."). Messages say what is wrong and how
//! to fix it, and never contain the rejected value: they are built only from the
//! field's label and constants of the rule.

/// What is wrong with text that was to be a JSON payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonProblem {
    /// Not JSON at all, or a misplaced character.
    Syntax,
    /// It ends too early.
    Truncated,
    /// An object has the same key twice.
    DuplicateKey,
    /// Nested deeper than 128 levels.
    TooDeep,
    /// A number too large for a double (`1e999`).
    NumberOutOfRange,
    /// Invalid UTF-8, a lone surrogate or a bad escape.
    Encoding,
}

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
    /// A noncharacter, an unassigned or a private-use code point.
    UnassignedCharacter,
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
    /// A string that is not well-formed text (a lone surrogate).
    NotText,
    /// The payload is larger than one request may be.
    PayloadTooLarge {
        /// The limit, in MiB.
        limit_mib: u32,
    },
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
    FileSignature {
        /// Whether PDF is accepted (business documents), so may be suggested.
        pdf: bool,
    },
    /// More uploads than Dwolla holds for review.
    TooManyDocuments {
        /// The most documents awaiting review.
        max: u32,
    },
    /// Not a number of bytes.
    NotByteCount,
    /// Text that is not a JSON payload.
    JsonSyntax {
        /// What kind of problem.
        problem: JsonProblem,
        /// 1-based line within the payload.
        line: u32,
        /// 1-based column within that line.
        column: u32,
    },
    /// Warning: a likely typo of a popular e-mail domain.
    EmailTypo {
        /// The domain probably meant.
        suggestion: &'static str,
    },
    /// Warning: a ZIP of another state.
    ZipStateMismatch {
        /// The states the ZIP's prefix serves.
        states: &'static [&'static str],
    },
    /// Warning: an SSN the SSA never issues.
    SsnNeverIssued,
    /// Warning: a phone number that cannot be dialled.
    PhoneNotDiallable,
}

/// Spanish names of the fields, by their English labels.
const LABELS_ES: &[(&str, &str)] = &[
    ("First name", "Nombre"),
    ("Last name", "Apellido"),
    ("Email", "Correo electrónico"),
    ("IP address", "Dirección IP"),
    ("Type", "Tipo"),
    ("Address line 1", "Dirección (línea 1)"),
    ("Address line 2", "Dirección (línea 2)"),
    ("Address line 3", "Dirección (línea 3)"),
    ("City", "Ciudad"),
    ("State", "Estado"),
    ("Postal code", "Código postal"),
    ("Date of birth", "Fecha de nacimiento"),
    ("SSN", "Número de Seguro Social (SSN)"),
    ("Phone", "Teléfono"),
    ("Correlation ID", "ID de correlación"),
    ("Business name", "Nombre de la empresa"),
    ("Doing business as", "Nombre comercial"),
    ("Business type", "Tipo de empresa"),
    ("Business classification", "Clasificación de la empresa"),
    ("EIN", "EIN"),
    ("Website", "Sitio web"),
    ("Controller", "Controlador"),
    ("Title", "Cargo"),
    ("Address", "Dirección"),
    ("State, province or region", "Estado, provincia o región"),
    ("Country", "País"),
    ("Passport", "Pasaporte"),
    ("Passport number", "Número de pasaporte"),
    ("Passport country", "País del pasaporte"),
    ("The payload", "Contenido"),
    ("The document", "Documento"),
    ("The kind of payload", "Tipo de contenido"),
    ("Document type", "Tipo de documento"),
    ("File name", "Nombre del archivo"),
    ("File type", "Tipo de archivo"),
    ("File", "Archivo"),
    ("File size", "Tamaño del archivo"),
    ("This upload", "Esta carga"),
    ("Answers", "Respuestas"),
    ("Each answer", "Cada respuesta"),
    ("Question id", "ID de pregunta"),
    ("Answer id", "ID de respuesta"),
    ("For", "Destinatario"),
];

/// The Spanish name of a field labelled `label` in English.
pub fn label_es(label: &str) -> &str {
    LABELS_ES
        .iter()
        .find(|(en, _)| *en == label)
        .map_or(label, |(_, es)| *es)
}

/// `label` followed by `rest`: the English messages that only name their field,
/// built with one allocation and two copies rather than through `format!`.
fn labelled(label: &str, rest: &str) -> String {
    let mut s = String::with_capacity(label.len() + rest.len());
    s.push_str(label);
    s.push_str(rest);
    s
}

impl Msg {
    /// The sentence in `locale` for a field labelled `label` (in English; other
    /// languages translate the label themselves).
    pub fn render_in(self, label: &str, locale: crate::options::Locale) -> String {
        match locale {
            crate::options::Locale::En => self.render(label),
            crate::options::Locale::Es => self.render_es(label_es(label)),
        }
    }

    /// The Spanish sentence. Every message names the field as «El campo X» so that
    /// no adjective has to agree with the field's gender.
    fn render_es(self, label: &str) -> String {
        let f = format!("El campo «{label}»");
        match self {
            Msg::Required => format!("{f} es obligatorio."),
            Msg::NotString => format!("{f} debe ser un texto entre comillas, no un número, booleano, lista ni objeto."),
            Msg::TooLong { max } => format!("{f} admite como máximo {max} caracteres."),
            Msg::TooShort { min: 1 } => format!("{f} no puede estar vacío."),
            Msg::TooShort { min } => format!("{f} necesita al menos {min} caracteres."),
            Msg::ForbiddenCharacter => format!("{f} no puede contener ninguno de estos caracteres: < > = \" ` ! ? % ~ $ {{ }} \\."),
            Msg::InvisibleCharacter => format!("{f} no puede contener caracteres de control, invisibles o de dirección del texto, ni el � que deja un texto dañado; escríbalo de nuevo."),
            Msg::UnassignedCharacter => format!("{f} solo puede contener caracteres definidos por Unicode, no de uso privado ni sin asignar; escríbalo de nuevo."),
            Msg::ContainsDigits => format!("{f} no puede contener dígitos."),
            Msg::PoBox => format!("{f} debe ser la dirección donde vive la persona, no un apartado postal (PO Box)."),
            Msg::StateCase => format!("{f} debe ser un código de dos letras en mayúsculas, como CA."),
            Msg::StateFormat => format!("{f} debe ser un código de estado de dos letras, como CA."),
            Msg::StateUnknown => format!("{f} debe ser el código de un estado de EE. UU., DC o un territorio; no se aceptan códigos militares."),
            Msg::PostalCode => format!("{f} debe ser un código ZIP de 5 dígitos, o un ZIP+4: 5 dígitos, un guion y 4 dígitos."),
            Msg::DateFormat => format!("{f} debe ser una fecha con el formato AAAA-MM-DD, con ceros delante de meses y días de una cifra."),
            Msg::DateNotReal => format!("{f} debe ser una fecha que exista; revise el mes y el día."),
            Msg::TooYoung { min } => format!("{f} debe indicar que la persona tiene al menos {min} años."),
            Msg::TooOld { max } => format!("{f} debe indicar que la persona tiene como máximo {max} años; revise el año."),
            Msg::DigitsOnly => format!("{f} solo admite dígitos; quite guiones, espacios y paréntesis."),
            Msg::SsnLength => format!("{f} debe tener los últimos 4 dígitos o los 9 dígitos."),
            Msg::SsnFull => format!("{f} debe tener los 9 dígitos al reintentar la verificación."),
            Msg::SsnNine => format!("{f} debe tener los 9 dígitos."),
            Msg::PhoneLength => format!("{f} debe tener exactamente 10 dígitos, sin el +1 inicial."),
            Msg::Email => format!("{f} debe ser una dirección de correo válida, como nombre@ejemplo.com."),
            Msg::EmailTooLong => format!("{f} admite como máximo 254 caracteres, y 64 antes de la @."),
            Msg::IpAddress => format!("{f} debe ser una dirección IPv4, como 203.0.113.7, o una dirección IPv6."),
            Msg::CorrelationId => format!("{f} solo admite letras, dígitos, guiones, puntos y guiones bajos, sin espacios."),
            Msg::OneOf { allowed } => format!("{f} debe ser uno de estos valores: {}.", allowed.join(", ")),
            Msg::UnknownField { suggestion: Some(s) } => format!("Este campo no forma parte de este contenido; ¿quiso decir «{s}»?"),
            Msg::UnknownField { suggestion: None } => "Este campo no forma parte de este contenido; elimínelo.".to_string(),
            Msg::TypeRequiredForVerified => format!("{f} es obligatorio para un cliente verificado: use \"personal\" o \"business\"."),
            Msg::TypeUnknown { suggestion } => {
                let base = format!("{f} debe ser \"personal\", \"business\", \"receive-only\" o \"unverified\"");
                match suggestion {
                    Some(s) => format!("{base}; ¿quiso decir «{s}»?"),
                    None => format!("{base}."),
                }
            }
            Msg::NotObject => format!("{f} debe ser un objeto JSON."),
            Msg::NotText => format!("{f} tiene un carácter roto (medio par sustituto); vuelva a escribirlo."),
            Msg::PayloadTooLarge { limit_mib } => format!("{f} pesa más de {limit_mib} MiB, el límite de Dwolla para una solicitud; envíe menos datos."),
            Msg::Uuid => format!("{f} debe ser un UUID escrito 8-4-4-4-12 en hexadecimal, como los publica Dwolla."),
            Msg::EinLength => format!("{f} debe tener exactamente 9 dígitos."),
            Msg::Website => format!("{f} debe ser una dirección web completa que empiece por http:// o https://, como https://www.ejemplo.com."),
            Msg::CountryFormat => format!("{f} debe ser un código de país ISO de dos letras en mayúsculas, como US o GB."),
            Msg::CountryUnknown => format!("{f} debe ser un código de país ISO 3166-1; revise las letras (el Reino Unido es GB)."),
            Msg::Region => format!("{f} debe tener dos letras mayúsculas o dígitos: el código ISO de la región, o el del país si no lo hay."),
            Msg::IntlPostalCode => format!("{f} solo admite letras y dígitos, con un espacio o guion entre ellos, hasta 10 caracteres."),
            Msg::Zip5 => format!("{f} debe ser un código ZIP de 5 dígitos."),
            Msg::SsnRequiredInUs => format!("{f} es obligatorio para una persona con dirección en EE. UU.; el pasaporte es para personas fuera de EE. UU."),
            Msg::PassportRequiredOutsideUs => format!("{f} es obligatorio para una persona con dirección fuera de EE. UU."),
            Msg::ItemCount { exactly } => format!("{f} debe tener exactamente {exactly} elementos."),
            Msg::DuplicateAnswer => format!("{f} repite una pregunta ya respondida; responda cada pregunta una sola vez."),
            Msg::DocumentType { allowed } => Msg::OneOf { allowed }.render_es(label),
            Msg::FileNoExtension => format!("{f} debe terminar con una extensión, como .jpg o .png."),
            Msg::FileExtension { pdf: false } => format!("{f} debe ser una imagen .jpg, .jpeg o .png."),
            Msg::FileExtension { pdf: true } => format!("{f} debe ser una imagen .jpg, .jpeg o .png, o un .pdf."),
            Msg::FileTypeMismatch => format!("{f} no coincide con la extensión del nombre del archivo."),
            Msg::FileEmpty => format!("{f} está vacío; vuelva a elegir el archivo."),
            Msg::FileTooLarge { max } => format!("{f} admite como máximo {max} bytes (el límite de 10 MiB de Dwolla menos el sobre de la solicitud)."),
            Msg::FileSignature { pdf: false } => format!("{f} no es el tipo de archivo que indica su nombre; expórtelo de nuevo como JPEG o PNG real."),
            Msg::FileSignature { pdf: true } => format!("{f} no es el tipo de archivo que indica su nombre; expórtelo de nuevo como JPEG, PNG o PDF real."),
            Msg::TooManyDocuments { max } => format!("{f} dejaría más de {max} documentos pendientes de revisión; espere una revisión antes de subir más."),
            Msg::NotByteCount => format!("{f} debe ser un número entero de bytes."),
            Msg::JsonSyntax { problem, line, column } => {
                let what = match problem {
                    JsonProblem::Syntax => "no es JSON válido; revise comillas, comas y corchetes",
                    JsonProblem::Truncated => "termina antes de que el JSON esté completo",
                    JsonProblem::DuplicateKey => "tiene la misma clave dos veces en un objeto; envíe cada campo una vez",
                    JsonProblem::TooDeep => "tiene más de 128 niveles de anidamiento",
                    JsonProblem::NumberOutOfRange => "tiene un número demasiado grande",
                    JsonProblem::Encoding => "tiene texto que no es UTF-8 válido (o un escape roto)",
                };
                format!("{f} {what} (línea {line}, columna {column}).")
            }
            Msg::EmailTypo { suggestion } => format!("{f} puede tener un error en el dominio: ¿quiso decir {suggestion}? Revíselo antes de enviar."),
            Msg::ZipStateMismatch { states } => format!("{f} es un código ZIP de {}, no del estado indicado; revise ambos.", states.join(" o ")),
            Msg::SsnNeverIssued => format!("{f} tiene un número que la Administración del Seguro Social nunca emite; revise los dígitos."),
            Msg::PhoneNotDiallable => format!("{f} no es un número que se pueda marcar en EE. UU.; revise el código de área y la central."),
        }
    }

    /// The English sentence for a field labelled `label` ("First name").
    pub fn render(self, label: &str) -> String {
        match self {
            Msg::Required => labelled(label, " is required."),
            Msg::NotString => labelled(label, " must be a string in quotes, not a number, boolean, array or object."),
            Msg::TooLong { max } => format!("{label} must be at most {max} characters."),
            Msg::TooShort { min: 1 } => labelled(label, " must not be empty."),
            Msg::TooShort { min } => format!("{label} must be at least {min} characters."),
            Msg::ForbiddenCharacter => labelled(label, " must not contain any of these characters: < > = \" ` ! ? % ~ $ { } \\."),
            Msg::InvisibleCharacter => labelled(label, " must not contain control, zero-width or text-direction characters, or the � that broken text leaves; retype it."),
            Msg::UnassignedCharacter => labelled(label, " must contain only characters Unicode defines, not private-use or unassigned ones; retype it."),
            Msg::ContainsDigits => labelled(label, " must not contain digits."),
            Msg::PoBox => labelled(label, " must be a street address where the person lives, not a PO box."),
            Msg::StateCase => labelled(label, " must be an uppercase two-letter code, such as CA."),
            Msg::StateFormat => labelled(label, " must be a two-letter state code, such as CA."),
            Msg::StateUnknown => labelled(label, " must be the code of a US state, DC or a US territory; military codes are not accepted."),
            Msg::PostalCode => labelled(label, " must be a 5-digit ZIP code, or a ZIP+4 written as 5 digits, a hyphen and 4 digits."),
            Msg::DateFormat => labelled(label, " must be a date written YYYY-MM-DD, with zeros before one-digit months and days."),
            Msg::DateNotReal => labelled(label, " must be a real calendar date; check the month and day."),
            Msg::TooYoung { min } => format!("{label} must show the person is at least {min} years old."),
            Msg::TooOld { max } => format!("{label} must show the person is at most {max} years old; check the year."),
            Msg::DigitsOnly => labelled(label, " must contain digits only; remove dashes, spaces and brackets."),
            Msg::SsnLength => labelled(label, " must be the last 4 digits or all 9 digits."),
            Msg::SsnFull => labelled(label, " must be all 9 digits when retrying verification."),
            Msg::SsnNine => labelled(label, " must be all 9 digits."),
            Msg::PhoneLength => labelled(label, " must be exactly 10 digits, without the leading +1."),
            Msg::Email => labelled(label, " must be a valid e-mail address, such as name@example.com."),
            Msg::EmailTooLong => labelled(label, " must be at most 254 characters, with at most 64 before the @."),
            Msg::IpAddress => labelled(label, " must be an IPv4 address such as 203.0.113.7, or an IPv6 address."),
            Msg::CorrelationId => labelled(label, " may contain only letters, digits, hyphens, dots and underscores, with no spaces."),
            Msg::OneOf { allowed } => {
                let mut s = labelled(label, " must be one of: ");
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
            Msg::TypeRequiredForVerified => labelled(label, " is required for a verified Customer: use \"personal\" or \"business\"."),
            Msg::TypeUnknown { suggestion } => {
                let base = labelled(label, " must be \"personal\", \"business\", \"receive-only\" or \"unverified\"");
                match suggestion {
                    Some(s) => format!("{base}; did you mean \"{s}\"?"),
                    None => format!("{base}."),
                }
            }
            Msg::NotObject => labelled(label, " must be a JSON object."),
            Msg::NotText => labelled(label, " has a broken character (half of a surrogate pair); type it again."),
            Msg::PayloadTooLarge { limit_mib } => format!("{label} is larger than {limit_mib} MiB, Dwolla's limit for one request; send less."),
            Msg::Uuid => labelled(label, " must be a UUID written 8-4-4-4-12 in hexadecimal, as Dwolla lists them."),
            Msg::EinLength => labelled(label, " must be exactly 9 digits."),
            Msg::Website => labelled(label, " must be a full web address starting with http:// or https://, such as https://www.example.com."),
            Msg::CountryFormat => labelled(label, " must be a two-letter ISO country code in uppercase, such as US or GB."),
            Msg::CountryUnknown => labelled(label, " must be an ISO 3166-1 country code; check the letters (the United Kingdom is GB)."),
            Msg::Region => labelled(label, " must be two uppercase letters or digits: the ISO region code, or the country code where there is none."),
            Msg::IntlPostalCode => labelled(label, " may contain only letters and digits, with single spaces or hyphens between them, up to 10 characters."),
            Msg::Zip5 => labelled(label, " must be a 5-digit ZIP code."),
            Msg::SsnRequiredInUs => labelled(label, " is required for a person with a US address; a passport is for people outside the US."),
            Msg::PassportRequiredOutsideUs => labelled(label, " is required for a person with an address outside the US."),
            Msg::ItemCount { exactly } => format!("{label} must have exactly {exactly} items."),
            Msg::DuplicateAnswer => labelled(label, " repeats a question answered above; answer each question once."),
            Msg::DocumentType { allowed } => Msg::OneOf { allowed }.render(label),
            Msg::FileNoExtension => labelled(label, " must end with a file extension such as .jpg or .png."),
            Msg::FileExtension { pdf: false } => labelled(label, " must be a .jpg, .jpeg or .png image."),
            Msg::FileExtension { pdf: true } => labelled(label, " must be a .jpg, .jpeg or .png image, or a .pdf."),
            Msg::FileTypeMismatch => labelled(label, " does not match the file name's extension."),
            Msg::FileEmpty => labelled(label, " is empty; choose the file again."),
            Msg::FileTooLarge { max } => format!("{label} must be at most {max} bytes (Dwolla's 10 MiB upload limit less the request envelope)."),
            Msg::FileSignature { pdf: false } => labelled(label, " is not the kind of file its name says; export it again as a real JPEG or PNG."),
            Msg::FileSignature { pdf: true } => labelled(label, " is not the kind of file its name says; export it again as a real JPEG, PNG or PDF."),
            Msg::TooManyDocuments { max } => format!("{label} would leave more than {max} documents awaiting review; wait for a review before uploading more."),
            Msg::NotByteCount => labelled(label, " must be a whole number of bytes."),
            Msg::JsonSyntax { problem, line, column } => {
                let what = match problem {
                    JsonProblem::Syntax => "is not valid JSON; check the quotes, commas and brackets",
                    JsonProblem::Truncated => "ends before the JSON is complete",
                    JsonProblem::DuplicateKey => "has the same key twice in one object; send each field once",
                    JsonProblem::TooDeep => "is nested more than 128 levels deep",
                    JsonProblem::NumberOutOfRange => "has a number too large to represent",
                    JsonProblem::Encoding => "has text that is not valid UTF-8 (or a broken escape)",
                };
                format!("{label} {what} (line {line}, column {column}).")
            }
            Msg::EmailTypo { suggestion } => format!(
                "{label} may have a typo in its domain: did you mean {suggestion}? Check it before sending."
            ),
            Msg::ZipStateMismatch { states } => {
                let list = states.join(" or ");
                format!("{label} is a ZIP code of {list}, not of the state given; check both.")
            }
            Msg::SsnNeverIssued => labelled(label, " has a number the Social Security Administration never issues; check the digits."),
            Msg::PhoneNotDiallable => labelled(label, " is not a number that can be dialled in the US; check the area code and exchange."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Locale;

    /// One of every message, so each is seen in both languages.
    fn every_msg() -> Vec<Msg> {
        let mut all = vec![
            Msg::Required,
            Msg::NotString,
            Msg::TooLong { max: 50 },
            Msg::TooShort { min: 1 },
            Msg::TooShort { min: 2 },
            Msg::ForbiddenCharacter,
            Msg::InvisibleCharacter,
            Msg::UnassignedCharacter,
            Msg::ContainsDigits,
            Msg::PoBox,
            Msg::StateCase,
            Msg::StateFormat,
            Msg::StateUnknown,
            Msg::PostalCode,
            Msg::DateFormat,
            Msg::DateNotReal,
            Msg::TooYoung { min: 18 },
            Msg::TooOld { max: 125 },
            Msg::DigitsOnly,
            Msg::SsnLength,
            Msg::SsnFull,
            Msg::SsnNine,
            Msg::PhoneLength,
            Msg::Email,
            Msg::EmailTooLong,
            Msg::IpAddress,
            Msg::CorrelationId,
            Msg::OneOf {
                allowed: &["a", "b"],
            },
            Msg::UnknownField {
                suggestion: Some("ssn"),
            },
            Msg::UnknownField { suggestion: None },
            Msg::TypeRequiredForVerified,
            Msg::TypeUnknown {
                suggestion: Some("personal"),
            },
            Msg::TypeUnknown { suggestion: None },
            Msg::NotObject,
            Msg::NotText,
            Msg::PayloadTooLarge { limit_mib: 10 },
            Msg::Uuid,
            Msg::EinLength,
            Msg::Website,
            Msg::CountryFormat,
            Msg::CountryUnknown,
            Msg::Region,
            Msg::IntlPostalCode,
            Msg::Zip5,
            Msg::SsnRequiredInUs,
            Msg::PassportRequiredOutsideUs,
            Msg::ItemCount { exactly: 4 },
            Msg::DuplicateAnswer,
            Msg::DocumentType {
                allowed: &["other"],
            },
            Msg::FileNoExtension,
            Msg::FileExtension { pdf: false },
            Msg::FileExtension { pdf: true },
            Msg::FileTypeMismatch,
            Msg::FileEmpty,
            Msg::FileTooLarge { max: 10 },
            Msg::FileSignature { pdf: false },
            Msg::FileSignature { pdf: true },
            Msg::TooManyDocuments { max: 4 },
            Msg::NotByteCount,
            Msg::EmailTypo {
                suggestion: "gmail.com",
            },
            Msg::ZipStateMismatch { states: &["NY"] },
            Msg::SsnNeverIssued,
            Msg::PhoneNotDiallable,
        ];
        for problem in [
            JsonProblem::Syntax,
            JsonProblem::Truncated,
            JsonProblem::DuplicateKey,
            JsonProblem::TooDeep,
            JsonProblem::NumberOutOfRange,
            JsonProblem::Encoding,
        ] {
            all.push(Msg::JsonSyntax {
                problem,
                line: 1,
                column: 2,
            });
        }
        all
    }

    #[test]
    fn every_message_in_english_and_spanish() {
        for m in every_msg() {
            let en = m.render_in("First name", Locale::En);
            let es = m.render_in("First name", Locale::Es);
            assert!(en.ends_with('.') || en.ends_with('?'), "{en}");
            assert!(es.ends_with('.') || es.ends_with('?'), "{es}");
            assert_ne!(en, es, "{m:?} is not translated");
        }
    }

    #[test]
    fn every_label_has_a_spanish_name() {
        let labels = crate::shapes::SHAPES
            .iter()
            .flat_map(|s| all_labels(s))
            .collect::<Vec<_>>();
        for l in labels {
            assert_ne!(label_es(l), l, "{l} has no Spanish name");
        }
    }

    fn all_labels(shape: &crate::shapes::Shape) -> Vec<&'static str> {
        let mut out = Vec::new();
        for f in shape.fields {
            if f.label != "EIN" {
                out.push(f.label);
            }
            if let crate::shapes::Kind::Object(inner) = f.kind {
                out.extend(all_labels(inner));
            }
        }
        out
    }
}
