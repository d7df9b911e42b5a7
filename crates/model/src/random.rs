//! A small, seeded pseudo-random number generator for the Monte Carlo, so the model
//! crate needs no `rand` dependency (every dependency costs bundle size in wasm).
//!
//! - [`SplitMix64`] (Steele, Lea and Flood, 2014; Vigna's `splitmix64.c`) turns a
//!   64-bit seed into well-mixed words; it seeds the main generator.
//! - [`Xoshiro256StarStar`] (Blackman and Vigna, 2018, `xoshiro256starstar.c`) is the
//!   main generator: 256 bits of state, period 2^256 − 1, fast and statistically
//!   strong for floating-point simulation.
//! - [`Xoshiro256StarStar::for_path`] gives every Monte Carlo path its own stream,
//!   seeded from (seed, path index) alone, so any chunk of paths can be drawn in any
//!   order and give the same numbers bit for bit.
//!
//! Continuous draws: uniforms from the top 53 bits, normals by Marsaglia's polar
//! method (rejection, no trigonometry, no tables), exponentials by inversion.

/// SplitMix64: a 64-bit counter passed through a strong mixing function. Used only
/// to expand seeds into generator states, as the xoshiro authors recommend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator starting from `seed`.
    pub fn new(seed: u64) -> Self {
        SplitMix64 { state: seed }
    }

    /// The next 64-bit output.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// xoshiro256**: the generator every Monte Carlo path draws from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Xoshiro256StarStar {
    s: [u64; 4],
}

impl Xoshiro256StarStar {
    /// A generator with exactly this state (not all zero; an all-zero state would
    /// emit zeros forever, so it is replaced by SplitMix64's expansion of 0).
    pub fn from_state(s: [u64; 4]) -> Self {
        if s == [0; 4] {
            Self::from_seed(0)
        } else {
            Xoshiro256StarStar { s }
        }
    }

    /// A generator whose state is four SplitMix64 outputs from `seed`.
    pub fn from_seed(seed: u64) -> Self {
        let mut mix = SplitMix64::new(seed);
        Xoshiro256StarStar {
            s: [mix.next_u64(), mix.next_u64(), mix.next_u64(), mix.next_u64()],
        }
    }

    /// The stream of Monte Carlo path `path` under `seed`: depends on nothing else,
    /// so paths can be simulated in any order or chunking. The (seed, path) pair is
    /// packed into one 64-bit SplitMix64 seed, which is distinct for every pair.
    ///
    /// ```
    /// use squeeze_model::random::Xoshiro256StarStar;
    /// let mut a = Xoshiro256StarStar::for_path(1, 7);
    /// let mut b = Xoshiro256StarStar::for_path(1, 7);
    /// assert_eq!(a.next_u64(), b.next_u64());
    /// assert_ne!(Xoshiro256StarStar::for_path(1, 8).next_u64(), a.next_u64());
    /// ```
    pub fn for_path(seed: u32, path: u32) -> Self {
        Self::from_seed((u64::from(seed) << 32) | u64::from(path))
    }

    /// The next 64-bit output.
    pub fn next_u64(&mut self) -> u64 {
        let s = &mut self.s;
        let result = s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// A uniform draw in [0, 1): the top 53 bits scaled by 2^−53.
    pub fn uniform(&mut self) -> f64 {
        const SCALE: f64 = 1.0 / (1u64 << 53) as f64;
        (self.next_u64() >> 11) as f64 * SCALE
    }

    /// A uniform draw in (0, 1], safe to take the logarithm of.
    pub fn uniform_open_zero(&mut self) -> f64 {
        1.0 - self.uniform()
    }

    /// A standard normal draw by Marsaglia's polar method: pick a point uniformly in
    /// the unit disc (rejecting the ~21% outside it), then scale. Uses one of the
    /// pair it makes and discards the other, so every draw consumes fresh words and
    /// the generator carries no hidden cached value.
    pub fn standard_normal(&mut self) -> f64 {
        loop {
            let u = 2.0 * self.uniform() - 1.0;
            let v = 2.0 * self.uniform() - 1.0;
            let r2 = u * u + v * v;
            if r2 > 0.0 && r2 < 1.0 {
                return u * (-2.0 * r2.ln() / r2).sqrt();
            }
        }
    }

    /// A unit-mean exponential draw, by inversion.
    pub fn exponential(&mut self) -> f64 {
        -self.uniform_open_zero().ln()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_matches_published_outputs() {
        // Vigna's splitmix64.c from seed 1234567 (as tabulated on Rosetta Code,
        // "Pseudo-random numbers/Splitmix64"), and the first output from 0.
        let mut g = SplitMix64::new(1_234_567);
        let expected = [
            6457827717110365317,
            3203168211198807973,
            9817491932198370423,
            4593380528125082431,
            16408922859458223821,
        ];
        for e in expected {
            assert_eq!(g.next_u64(), e);
        }
        assert_eq!(SplitMix64::new(0).next_u64(), 0xe220_a839_7b1d_cdaf);
    }

    #[test]
    fn xoshiro256starstar_matches_the_reference_implementation() {
        // From state {1, 2, 3, 4}: the values the reference xoshiro256starstar.c
        // produces (as pinned by the rand_xoshiro crate's `reference` test).
        let mut g = Xoshiro256StarStar::from_state([1, 2, 3, 4]);
        let expected = [
            11520,
            0,
            1509978240,
            1215971899390074240,
            1216172134540287360,
            607988272756665600,
            16172922978634559625,
            8476171486693032832,
            10595114339597558777,
            2904607092377533576,
        ];
        for e in expected {
            assert_eq!(g.next_u64(), e);
        }
    }

    #[test]
    fn the_all_zero_state_is_replaced() {
        let mut g = Xoshiro256StarStar::from_state([0; 4]);
        assert!((0..4).any(|_| g.next_u64() != 0));
    }

    #[test]
    fn path_streams_differ_by_seed_and_index() {
        let first = |seed, path| Xoshiro256StarStar::for_path(seed, path).next_u64();
        assert_ne!(first(1, 0), first(1, 1));
        assert_ne!(first(1, 0), first(2, 0));
        assert_eq!(first(3, 9), first(3, 9));
    }

    #[test]
    fn draws_have_the_right_moments() {
        // 200,000 draws: the standard error of a mean is ~0.0022 (normal) and of the
        // variance ~0.0032, so 5 standard errors is a loose but meaningful check.
        let mut g = Xoshiro256StarStar::from_seed(42);
        let n = 200_000;
        let (mut sum, mut sum_sq, mut sum_exp, mut sum_uniform) = (0.0, 0.0, 0.0, 0.0);
        for _ in 0..n {
            let z = g.standard_normal();
            sum += z;
            sum_sq += z * z;
            sum_exp += g.exponential();
            let u = g.uniform();
            assert!((0.0..1.0).contains(&u));
            sum_uniform += u;
        }
        let n = f64::from(n);
        assert!((sum / n).abs() < 0.011, "normal mean {}", sum / n);
        assert!((sum_sq / n - 1.0).abs() < 0.016, "normal variance {}", sum_sq / n);
        assert!((sum_exp / n - 1.0).abs() < 0.011, "exponential mean");
        assert!((sum_uniform / n - 0.5).abs() < 0.0033, "uniform mean");
    }
}
