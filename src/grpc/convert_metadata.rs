//! Metadata → wire. Every field keeps the text it was read from and its span in
//! the client's offset unit.

use super::pb;
use super::wire::Wire;
use crate::metadata as md;
use crate::text::Span;

impl Wire<'_> {
    /// The whole metadata message.
    pub fn metadata(&self, m: &md::Metadata) -> pb::Metadata {
        pb::Metadata {
            title: m.title.as_ref().map(|f| self.text_field(f)),
            publication_date: m.published.as_ref().map(|d| self.date_field(d)),
            updated_date: m.updated.as_ref().map(|d| self.date_field(d)),
            authors: m.authors.iter().map(|a| self.author(a)).collect(),
            agencies: m.agencies.iter().map(|a| self.agency(a)).collect(),
            publisher: m.publisher.as_ref().map(|p| self.publisher(p)),
            dateline: m.dateline.as_ref().map(|d| self.dateline(d)),
            attributions: m.attributions.iter().map(|a| self.attribution(a)).collect(),
            lead: m.lead.as_ref().map(|f| self.text_field(f)),
            language: m.language.as_ref().map(|l| pb::Language {
                code: l.code.clone(),
                confidence: l.confidence as f32,
                iso639_3: l.iso639_3.clone(),
                reliable: l.reliable,
            }),
            word_count: u32::try_from(m.word_count).unwrap_or(u32::MAX),
            reading_time_seconds: u32::try_from(m.reading_time_seconds).unwrap_or(u32::MAX),
            handles: m.handles.iter().map(|h| self.handle(h)).collect(),
            urls: m.urls.iter().map(|f| self.text_field(f)).collect(),
            emails: m.emails.iter().map(|f| self.text_field(f)).collect(),
            boilerplate: m.boilerplate.iter().map(|b| self.boilerplate(b)).collect(),
        }
    }

    fn field(&self, value: &str, span: Span) -> pb::Field {
        pb::Field {
            value: value.to_owned(),
            text: self.text_of(span),
            span: Some(self.span(span)),
        }
    }

    fn text_field(&self, f: &md::TextField) -> pb::Field {
        self.field(&f.value, f.span)
    }

    fn date_field(&self, d: &md::DateField) -> pb::Field {
        self.field(&d.value, d.span)
    }

    fn agency(&self, a: &md::AgencyRef) -> pb::Agency {
        pb::Agency {
            id: a.id.clone(),
            name: a.name.clone(),
            wikidata: a.qid.clone().unwrap_or_default(),
            text: self.text_of(a.span),
            span: Some(self.span(a.span)),
        }
    }

    fn author(&self, a: &md::Author) -> pb::Author {
        let role = match a.role {
            md::AuthorRole::Author => pb::AuthorRole::Author,
            md::AuthorRole::Reporter => pb::AuthorRole::Reporter,
            md::AuthorRole::Contributor => pb::AuthorRole::Contributor,
            md::AuthorRole::Editor => pb::AuthorRole::Editor,
        };
        pb::Author {
            name: a.name.clone(),
            role: role as i32,
            text: self.text_of(a.span),
            span: Some(self.span(a.span)),
        }
    }

    fn publisher(&self, p: &md::Publisher) -> pb::Publisher {
        let source = match p.source {
            md::PublisherSource::HandleTable => pb::PublisherSource::HandleTable,
            md::PublisherSource::Copyright => pb::PublisherSource::Copyright,
            md::PublisherSource::HandleRule => pb::PublisherSource::HandleRule,
        };
        pb::Publisher {
            name: p.name.clone(),
            wikidata: p.qid.clone().unwrap_or_default(),
            source: source as i32,
            text: self.text_of(p.span),
            span: Some(self.span(p.span)),
        }
    }

    fn dateline(&self, d: &md::Dateline) -> pb::Dateline {
        pb::Dateline {
            place: Some(self.text_field(&d.place)),
            date: d.date.as_ref().map(|x| self.date_field(x)),
            agency: d.agency.as_ref().map(|a| self.agency(a)),
            span: Some(self.span(d.span)),
        }
    }

    fn attribution(&self, a: &md::Attribution) -> pb::Attribution {
        pb::Attribution {
            reporter: a.reporter.as_ref().map(|f| self.text_field(f)),
            reporter_agency: a.reporter_agency.as_ref().map(|x| self.agency(x)),
            date: a.date.as_ref().map(|d| self.date_field(d)),
            source: Some(self.text_field(&a.source)),
            cue: Some(self.text_field(&a.cue)),
            span: Some(self.span(a.span)),
        }
    }

    fn handle(&self, h: &md::Handle) -> pb::Handle {
        pb::Handle {
            handle: h.value.clone(),
            platform: h.platform.map_or(pb::Platform::Unspecified, platform) as i32,
            span: Some(self.span(h.span)),
        }
    }

    fn boilerplate(&self, b: &md::Boilerplate) -> pb::Boilerplate {
        let kind = match b.kind {
            md::BoilerplateKind::Separator => pb::BoilerplateKind::Separator,
            md::BoilerplateKind::FollowUs => pb::BoilerplateKind::FollowUs,
            md::BoilerplateKind::ReadMore => pb::BoilerplateKind::ReadMore,
            md::BoilerplateKind::Subscribe => pb::BoilerplateKind::Subscribe,
            md::BoilerplateKind::Copyright => pb::BoilerplateKind::Copyright,
            md::BoilerplateKind::Share => pb::BoilerplateKind::Share,
            md::BoilerplateKind::PhotoCredit => pb::BoilerplateKind::PhotoCredit,
            md::BoilerplateKind::Advertisement => pb::BoilerplateKind::Advertisement,
            md::BoilerplateKind::Notice => pb::BoilerplateKind::Notice,
        };
        pb::Boilerplate {
            kind: kind as i32,
            text: self.text_of(b.span),
            span: Some(self.span(b.span)),
        }
    }
}

fn platform(p: md::Platform) -> pb::Platform {
    match p {
        md::Platform::Twitter => pb::Platform::Twitter,
        md::Platform::Instagram => pb::Platform::Instagram,
        md::Platform::Facebook => pb::Platform::Facebook,
        md::Platform::Telegram => pb::Platform::Telegram,
        md::Platform::Youtube => pb::Platform::Youtube,
        md::Platform::Tiktok => pb::Platform::Tiktok,
        md::Platform::Linkedin => pb::Platform::Linkedin,
        md::Platform::Threads => pb::Platform::Threads,
        md::Platform::Mastodon => pb::Platform::Mastodon,
        md::Platform::Bluesky => pb::Platform::Bluesky,
        md::Platform::Vk => pb::Platform::Vk,
    }
}
