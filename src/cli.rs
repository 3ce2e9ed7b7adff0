//! What the CLI subcommands do, as library functions, so the binary stays a
//! dispatcher and the same code is testable.

#[cfg(feature = "train")]
use crate::entities::ner;
use crate::grpc::{self, pb};
use crate::pipeline::Pipeline;
use anyhow::Context;
use std::io::Read;
use std::net::SocketAddr;
use std::path::Path;
#[cfg(feature = "train")]
use std::path::PathBuf;
use std::time::Duration;

/// Reads a file, or standard input for `-`.
pub fn read_input(file: &str) -> anyhow::Result<String> {
    if file == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .context("reading standard input")?;
        return Ok(s);
    }
    std::fs::read_to_string(file).with_context(|| format!("reading {file}"))
}

/// Parses one article with the library and renders the gRPC response as
/// proto3 JSON, exactly as a gRPC client would see it.
pub fn parse_to_json(
    text: &str,
    document_date: Option<&str>,
    offset_encoding: &str,
    pretty: bool,
) -> anyhow::Result<String> {
    let encoding = match offset_encoding {
        "utf8" => pb::OffsetEncoding::Utf8,
        "utf16" => pb::OffsetEncoding::Utf16,
        "code-point" => pb::OffsetEncoding::CodePoint,
        other => anyhow::bail!("--offset-encoding {other:?}: expected utf8, utf16 or code-point"),
    };
    let req = pb::ParseRequest {
        text: text.to_owned(),
        document_date: document_date.unwrap_or_default().to_owned(),
        offset_encoding: encoding as i32,
        ..Default::default()
    };
    let pipeline = Pipeline::shared()?;
    let resp = grpc::parse_local(&pipeline, req, usize::MAX)?;
    Ok(if pretty {
        serde_json::to_string_pretty(&resp)?
    } else {
        serde_json::to_string(&resp)?
    })
}

#[cfg(feature = "train")]
/// Training switches for ablations; unset means the standard setting
/// (`TrainOptions::standard`).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct TrainKnobs {
    /// Train without the document-level second pass.
    #[arg(long)]
    pub no_doc_features: bool,
    /// Train without word-cluster features.
    #[arg(long)]
    pub no_clusters: bool,
    /// Train without the GloVe word paths (`models/ner/glove.tsv`).
    #[arg(long)]
    pub no_glove: bool,
    /// Train without the hand-written lexicon features.
    #[arg(long)]
    pub no_lexicon: bool,
    /// Train with typed name-list (gazetteer) features from this file
    /// (`name<TAB>CLASS`, made by `scripts/ner/build_gazetteer.py`).
    #[arg(long)]
    pub gazetteer: Option<PathBuf>,
    /// Passes over the training data.
    #[arg(long)]
    pub epochs: Option<usize>,
    /// Perceptrons in the ensemble.
    #[arg(long)]
    pub ensemble: Option<usize>,
    /// Random seed (shuffling).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Beam width while training (default 2, max-violation updates; 1 trains and
    /// decodes the jackknife greedily, for ablations).
    // At most 255: a training hypothesis keeps its parent's index in a byte.
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..))]
    pub train_beam: Option<u8>,
    /// Beam training with early update (Collins & Roark) instead of max-violation.
    #[arg(long)]
    pub early_update: bool,
}

#[cfg(feature = "train")]
/// Trains the NER model with the standard settings (or the given
/// ablations) and prints the dev report; the same data and code give a
/// byte-identical model.
pub fn train(
    repo: &Path,
    data: &Path,
    out: Option<PathBuf>,
    knobs: &TrainKnobs,
) -> anyhow::Result<()> {
    let mut opts = ner::train::TrainOptions::standard(repo, data);
    if let Some(out) = out {
        opts.output = out;
    }
    opts.doc_features &= !knobs.no_doc_features;
    if knobs.no_clusters {
        opts.clusters = None;
    }
    if knobs.no_lexicon {
        opts.lexicon = None;
    }
    if knobs.no_glove {
        opts.glove = None;
    }
    if let Some(path) = &knobs.gazetteer {
        opts.names = Some(path.clone());
    }
    opts.epochs = knobs.epochs.unwrap_or(opts.epochs);
    opts.ensemble = knobs.ensemble.unwrap_or(opts.ensemble);
    opts.seed = knobs.seed.unwrap_or(opts.seed);
    opts.beam = knobs.train_beam.map_or(opts.beam, usize::from);
    if knobs.early_update {
        opts.update = ner::train::Update::Early;
    }
    let outcome = ner::train::train(&opts)?;
    eprintln!(
        "trained on {} documents ({} tokens) in {:.1} s; wrote {} ({} bytes)",
        outcome.train_docs,
        outcome.train_tokens,
        outcome.train_seconds,
        opts.output.display(),
        outcome.model_bytes
    );
    if let Some(dev) = outcome.dev {
        print!("{dev}");
    }
    Ok(())
}

#[cfg(feature = "train")]
/// Scores the served pipeline on a CoNLL file, with the bare NER model beside it
/// (`--model` replaces the embedded model in both lines).
pub fn eval_ner(file: &Path, model: Option<&Path>, out: Option<&Path>) -> anyhow::Result<()> {
    let paths = crate::resources::ResourcePaths {
        ner_model: model.map(Path::to_path_buf),
    };
    let pipeline = Pipeline::new(crate::resources::Resources::load(&paths)?);
    let docs = crate::eval::load(file)?;
    let both = crate::eval::Comparison::run(&pipeline, pipeline.ner_model(), &docs);
    let text = both.to_string();
    print!("{text}");
    if let Some(out) = out {
        std::fs::write(out, &text).with_context(|| format!("writing {}", out.display()))?;
    }
    Ok(())
}

#[cfg(feature = "train")]
/// Scores the served entities per OntoNotes name type on a fine-typed CoNLL file
/// (`tests/data/ner-fine`), the bare model's finds beside them; prints the report and
/// optionally writes it.
pub fn eval_ner_fine(
    file: &Path,
    model: Option<&Path>,
    out: Option<&Path>,
    errors: Option<&Path>,
) -> anyhow::Result<()> {
    let paths = crate::resources::ResourcePaths {
        ner_model: model.map(Path::to_path_buf),
    };
    let pipeline = Pipeline::new(crate::resources::Resources::load(&paths)?);
    let docs = crate::eval::fine::load(file)?;
    let report = crate::eval::fine::FineReport::run(&pipeline, pipeline.ner_model(), &docs);
    let text = report.to_string();
    print!("{text}");
    if let Some(out) = out {
        std::fs::write(out, &text).with_context(|| format!("writing {}", out.display()))?;
    }
    if let Some(path) = errors {
        let lines: String = report.errors.iter().map(|e| format!("{e}\n")).collect();
        std::fs::write(path, lines).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}

/// Scores the time-expression stage on a TimeML directory and prints (and
/// optionally writes) the report; optionally writes predictions for the
/// reference scorer.
pub fn eval_timex(
    dir: &Path,
    out: Option<&Path>,
    predictions: Option<&Path>,
) -> anyhow::Result<()> {
    let report = crate::time::eval::run(dir)?;
    let text = report.to_string();
    print!("{text}");
    if let Some(out) = out {
        std::fs::write(out, &text).with_context(|| format!("writing {}", out.display()))?;
    }
    if let Some(p) = predictions {
        let file = std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?;
        let mut w = std::io::BufWriter::new(file);
        crate::time::eval::write_predictions(dir, &mut w)?;
    }
    Ok(())
}

/// How `newsparse health` reaches a TLS server.
#[derive(Debug, Clone)]
pub struct HealthTls {
    /// PEM CA certificate that signed the server's certificate.
    pub ca_pem: Vec<u8>,
    /// Name the server's certificate must carry.
    pub domain: String,
}

/// The authority to dial for `addr` (`IP:port` or `host:port`): an unspecified
/// IP (`0.0.0.0`, as in the listen address) means this host; a name is left for
/// the connector, which resolves it (`/etc/hosts`, then DNS) and tries each address.
pub fn dial_authority(addr: &str) -> String {
    match addr.parse::<SocketAddr>() {
        Ok(ip) if ip.ip().is_unspecified() => {
            SocketAddr::from(([127, 0, 0, 1], ip.port())).to_string()
        }
        _ => addr.to_owned(),
    }
}

/// True when the server at `addr` (`IP:port` or `host:port`, see [`dial_authority`])
/// answers SERVING within `timeout` (over TLS when `tls` is given).
pub async fn health(addr: &str, timeout: Duration, tls: Option<HealthTls>) -> bool {
    let addr = dial_authority(addr);
    let check = async {
        let scheme = if tls.is_some() { "https" } else { "http" };
        let mut endpoint = tonic::transport::Endpoint::new(format!("{scheme}://{addr}"))?;
        if let Some(t) = tls {
            endpoint = endpoint.tls_config(
                tonic::transport::ClientTlsConfig::new()
                    .ca_certificate(tonic::transport::Certificate::from_pem(t.ca_pem))
                    .domain_name(t.domain),
            )?;
        }
        let channel = endpoint.connect().await?;
        let mut client = tonic_health::pb::health_client::HealthClient::new(channel);
        let resp = client
            .check(tonic_health::pb::HealthCheckRequest {
                service: String::new(),
            })
            .await?;
        anyhow::Ok(
            resp.into_inner().status
                == tonic_health::pb::health_check_response::ServingStatus::Serving as i32,
        )
    };
    match tokio::time::timeout(timeout, check).await {
        Ok(Ok(serving)) => serving,
        Ok(Err(e)) => {
            eprintln!("newsparse health: {e:#}");
            false
        }
        Err(_) => {
            eprintln!("newsparse health: no answer from {addr} within {timeout:?}");
            false
        }
    }
}

/// Resolves on SIGTERM or Ctrl-C.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { () = ctrl_c => {}, () = term => {} }
    tracing::info!("shutdown signal received");
}

#[cfg(feature = "train")]
/// Trains the quote tagger on `DATA/train` and writes it to `out`.
pub fn train_quotes(
    data: &Path,
    out: &Path,
    opts: crate::quotes::train::TrainOptions,
) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let model = crate::quotes::train::train(&data.join("train"), opts)?;
    let bytes = model.to_bytes();
    std::fs::write(out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    eprintln!(
        "wrote {} ({} bytes) in {:.1} s",
        out.display(),
        bytes.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

#[cfg(feature = "train")]
/// Scores the served pipeline's quotes on a PolNeAR split directory.
pub fn eval_quotes(dir: &Path, model: Option<&Path>, out: Option<&Path>) -> anyhow::Result<()> {
    use crate::quotes::{eval, polnear, QuoteModel, QuoteStage};
    let articles = polnear::read_split(dir)?;
    let pipeline = match model {
        Some(path) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
            Pipeline::embedded()?.with_quote_stage(QuoteStage::new(QuoteModel::from_bytes(&bytes)?))
        }
        None => Pipeline::embedded()?,
    };
    let options = crate::pipeline::Options::default();
    let scores = eval::score(&articles, |text| pipeline.analyze(text, &options).quotes);
    let header = format!(
        "newsparse eval-quotes {} ({} articles; served pipeline, Pipeline::analyze)\n\
         One annotator per article: the first .ann file in name order.\n\
         Peer (textacy 0.13 direct_quotations over spaCy en_core_web_sm, same split):\n\
         attribution F1 0.169 overall, 0.369 direct.\n",
        dir.display(),
        articles.len()
    );
    let report = eval::report(&scores, &header);
    print!("{report}");
    if let Some(out) = out {
        std::fs::write(out, &report).with_context(|| format!("writing {}", out.display()))?;
    }
    Ok(())
}
