//! The long fuzz run: `cargo run --release --example fuzz -- [COUNT] [SEED]`.
//! Prints executions per second and writes each failing input to `fuzz-failures/`.

#[path = "../tests/support/fuzz.rs"]
mod fuzz;

fn main() {
    let mut args = std::env::args().skip(1);
    let count: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    std::panic::set_hook(Box::new(|_| {}));
    let t0 = std::time::Instant::now();
    let chunk = 10_000;
    let mut done = 0;
    let mut failed = 0;
    while done < count {
        let n = chunk.min(count - done);
        for (i, (bytes, why)) in fuzz::run(seed.wrapping_add(done as u64), n)
            .into_iter()
            .enumerate()
        {
            failed += 1;
            std::fs::create_dir_all("fuzz-failures").ok();
            let path = format!("fuzz-failures/{seed}-{done}-{i}.bin");
            std::fs::write(&path, &bytes).ok();
            eprintln!("{path}: {why}");
        }
        done += n;
        let secs = t0.elapsed().as_secs_f64();
        eprintln!(
            "{done} executions, {failed} failures, {:.0}/s",
            done as f64 / secs
        );
    }
    println!(
        "fuzz: {done} executions from seed {seed} in {:.1} s, {failed} failures",
        t0.elapsed().as_secs_f64()
    );
    if failed > 0 {
        std::process::exit(1);
    }
}
