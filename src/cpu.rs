//! The instruction-set extensions a build was compiled for, checked against the CPU it
//! starts on.
//!
//! Release builds target x86-64-v3 (`.cargo/config.toml`: AVX2, BMI, FMA, ...), which
//! makes a parse about a sixth faster (BENCHMARKS.md section 13). A binary that uses such an
//! instruction on a CPU without it dies of SIGILL wherever the compiler happened to place
//! the first one, perhaps in the middle of a request. So `newsparse` checks at start and
//! refuses to run, naming what is missing. std's `is_x86_feature_detected!` cannot tell:
//! for a feature enabled at compile time it answers yes without asking the CPU. The check
//! reads the kernel's list of CPU flags instead (`/proc/cpuinfo`, Linux, the only system
//! the service ships for); where that list cannot be read, it assumes the CPU fits.

/// Target features a build may be compiled with, whether this build was, and the flag
/// the Linux kernel lists for each (`lzcnt` is part of `abm`).
const FEATURES: &[(&str, bool, &str)] = &[
    ("sse3", cfg!(target_feature = "sse3"), "pni"),
    ("ssse3", cfg!(target_feature = "ssse3"), "ssse3"),
    ("sse4.1", cfg!(target_feature = "sse4.1"), "sse4_1"),
    ("sse4.2", cfg!(target_feature = "sse4.2"), "sse4_2"),
    ("popcnt", cfg!(target_feature = "popcnt"), "popcnt"),
    ("avx", cfg!(target_feature = "avx"), "avx"),
    ("avx2", cfg!(target_feature = "avx2"), "avx2"),
    ("bmi1", cfg!(target_feature = "bmi1"), "bmi1"),
    ("bmi2", cfg!(target_feature = "bmi2"), "bmi2"),
    ("fma", cfg!(target_feature = "fma"), "fma"),
    ("f16c", cfg!(target_feature = "f16c"), "f16c"),
    ("lzcnt", cfg!(target_feature = "lzcnt"), "abm"),
    ("movbe", cfg!(target_feature = "movbe"), "movbe"),
    ("avx512f", cfg!(target_feature = "avx512f"), "avx512f"),
];

/// The CPU lacks features this build was compiled to use.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error(
    "this build of newsparse uses CPU features this CPU lacks: {}; build it for this \
     machine with RUSTFLAGS='-C target-cpu=native' (or x86-64-v2, any 64-bit x86 since 2009)",
    .missing.join(", ")
)]
pub struct CpuError {
    /// Target feature names, as in `-C target-feature`.
    pub missing: Vec<&'static str>,
}

/// The features this build was compiled with (this module's feature table) that
/// `cpuinfo` (the text of `/proc/cpuinfo`) does not list for its first processor.
pub fn missing(cpuinfo: &str) -> Vec<&'static str> {
    let Some(flags) = cpuinfo.lines().find_map(|l| {
        l.strip_prefix("flags")
            .and_then(|r| r.trim_start().strip_prefix(':'))
    }) else {
        return Vec::new();
    };
    let listed: Vec<&str> = flags.split_whitespace().collect();
    FEATURES
        .iter()
        .filter(|(_, compiled, flag)| *compiled && !listed.contains(flag))
        .map(|(name, _, _)| *name)
        .collect()
}

/// Checks this CPU against the build (see the module docs).
pub fn check() -> Result<(), CpuError> {
    let Ok(cpuinfo) = std::fs::read_to_string("/proc/cpuinfo") else {
        return Ok(());
    };
    let missing = missing(&cpuinfo);
    if missing.is_empty() {
        Ok(())
    } else {
        Err(CpuError { missing })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The features this test binary was compiled with, by name.
    fn compiled() -> Vec<&'static str> {
        FEATURES.iter().filter(|f| f.1).map(|f| f.0).collect()
    }

    #[test]
    fn a_cpu_listing_every_flag_lacks_nothing() {
        let all: Vec<&str> = FEATURES.iter().map(|f| f.2).collect();
        let cpuinfo = format!("processor\t: 0\nflags\t\t: fpu {}\n", all.join(" "));
        assert_eq!(missing(&cpuinfo), Vec::<&str>::new());
    }

    #[test]
    fn a_cpu_with_no_extensions_lacks_what_the_build_uses() {
        let cpuinfo = "processor\t: 0\nflags\t\t: fpu sse sse2\n";
        assert_eq!(missing(cpuinfo), compiled());
        if cfg!(target_feature = "avx2") {
            let err = CpuError {
                missing: missing(cpuinfo),
            };
            assert!(err.to_string().contains("avx2"), "{err}");
        }
    }

    #[test]
    fn no_flags_line_means_no_verdict() {
        assert!(missing("model name\t: something\n").is_empty());
    }

    /// The machine running the tests runs the tests, so it must have what they use.
    #[test]
    fn this_cpu_passes() {
        assert_eq!(check(), Ok(()));
    }
}
