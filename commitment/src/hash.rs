//! The scheme's hash: blake2b with a 256-bit output, and domain-separated
//! leaf encodings.

use alloc::vec::Vec;
use blake2b_simd::{many, Params, State};

/// A 32-byte blake2b-256 digest.
pub type Hash = [u8; 32];

/// The all-zero hash: the root of an empty tree.
pub const ZERO: Hash = [0; 32];

/// Prefix of every leaf record.
pub const LEAF_PREFIX: u8 = 0x00;
/// Prefix of every inner Merkle node.
pub const NODE_PREFIX: u8 = 0x01;

/// The one NaN every NaN hashes as: the quiet NaN with no payload and a
/// clear sign bit (`f32::NAN` on every target Rust supports).
pub const CANONICAL_NAN: u32 = 0x7fc0_0000;

/// The bits a value is hashed as: its IEEE bits, except that every NaN is
/// [`CANONICAL_NAN`]. x86, ARM, CUDA and wasm produce NaNs with different
/// signs and payloads for the same operation, and IEEE arithmetic only ever
/// looks at NaN-ness, never at the payload; so two honest machines agree on
/// every hash once NaNs are canonical, and a state that diverged to NaN is
/// still a state both can commit to.
#[inline]
pub fn canonical_bits(v: f32) -> u32 {
    if v.is_nan() {
        CANONICAL_NAN
    } else {
        v.to_bits()
    }
}

/// blake2b with a 32-byte digest, no key: the parameters of every hash here.
fn params() -> Params {
    let mut p = Params::new();
    p.hash_length(32);
    p
}

fn digest(h: blake2b_simd::Hash) -> Hash {
    let mut out = [0u8; 32];
    out.copy_from_slice(h.as_bytes());
    out
}

/// Incremental hasher for one leaf record: `0x00 ‖ domain ‖ fields…`.
pub struct Leaf(State);

impl Leaf {
    /// Starts a leaf record of kind `domain` (e.g. `b"tensor"`).
    pub fn new(domain: &[u8]) -> Self {
        let mut h = params().to_state();
        h.update(&leaf_header(domain));
        Leaf(h)
    }
    /// Appends raw bytes.
    pub fn bytes(mut self, b: &[u8]) -> Self {
        self.0.update(b);
        self
    }
    /// Appends a `u32`, little-endian.
    pub fn u32(self, v: u32) -> Self {
        self.bytes(&v.to_le_bytes())
    }
    /// Appends a hash.
    pub fn hash(self, h: &Hash) -> Self {
        self.bytes(h)
    }
    /// Appends `f32` values, little-endian, NaNs canonical ([`canonical_bits`]).
    pub fn f32s(mut self, vs: &[f32]) -> Self {
        // Through a buffer: one `update` per 4-byte value would pay the
        // hasher's buffering per value.
        let mut buf = [0u8; 1024];
        for chunk in vs.chunks(buf.len() / 4) {
            for (b, v) in buf.chunks_exact_mut(4).zip(chunk) {
                b.copy_from_slice(&canonical_bits(*v).to_le_bytes());
            }
            self.0.update(&buf[..chunk.len() * 4]);
        }
        self
    }
    /// The digest.
    pub fn finish(self) -> Hash {
        digest(self.0.finalize())
    }
}

/// The bytes a leaf record of kind `domain` starts with: `0x00`, the
/// domain's length (`u32`, little-endian), the domain.
pub fn leaf_header(domain: &[u8]) -> Vec<u8> {
    let mut h = Vec::with_capacity(5 + domain.len());
    h.push(LEAF_PREFIX);
    h.extend_from_slice(&(domain.len() as u32).to_le_bytes());
    h.extend_from_slice(domain);
    h
}

/// blake2b-256 of each of `inputs`, several at once in SIMD lanes where
/// the CPU has them (AVX2: four): how the tiles of a tensor are hashed.
pub fn hash_each(inputs: &[&[u8]]) -> Vec<Hash> {
    let p = params();
    let mut jobs: Vec<many::HashManyJob> = inputs.iter().map(|i| many::HashManyJob::new(&p, i)).collect();
    many::hash_many(jobs.iter_mut());
    jobs.iter().map(|j| digest(j.to_hash())).collect()
}

/// An inner node: `blake2b(0x01 ‖ left ‖ right)`.
pub fn node(left: &Hash, right: &Hash) -> Hash {
    let mut buf = [0u8; 65];
    buf[0] = NODE_PREFIX;
    buf[1..33].copy_from_slice(left);
    buf[33..].copy_from_slice(right);
    blake2_256(&buf)
}

/// Plain blake2b-256 of `data` (no domain): for hashing file contents.
pub fn blake2_256(data: &[u8]) -> Hash {
    digest(params().hash(data))
}

/// Lower-case hex with a `0x` prefix.
#[cfg(feature = "std")]
pub fn hex(h: &Hash) -> String {
    let mut s = String::with_capacity(66);
    s.push_str("0x");
    for b in h {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The RustCrypto `blake2` crate's blake2b with a 32-byte output.
    fn reference(data: &[u8]) -> Hash {
        use blake2::{digest::consts::U32, Blake2b, Digest};
        Blake2b::<U32>::digest(data).into()
    }

    #[test]
    fn blake2b_256_known_answer() {
        let hex: String = blake2_256(b"abc").iter().map(|b| alloc::format!("{b:02x}")).collect();
        assert_eq!(hex, "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
    }

    #[test]
    fn every_form_equals_a_second_implementation() {
        let data: Vec<u8> = (0..10_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        for len in [0, 1, 63, 64, 127, 128, 129, 1000, 4105, 10_000] {
            assert_eq!(blake2_256(&data[..len]), reference(&data[..len]), "len {len}");
        }
        // hash_each over records of mixed lengths (SIMD lanes and the tail).
        let records: Vec<&[u8]> = (0..11).map(|i| &data[i * 7..i * 7 + 300 * i]).collect();
        let want: Vec<Hash> = records.iter().map(|r| reference(r)).collect();
        assert_eq!(hash_each(&records), want);
        // A leaf record, field by field, is the hash of its bytes.
        let vs = [1.5f32, -0.0, f32::NAN];
        let mut bytes = leaf_header(b"x");
        bytes.extend_from_slice(&7u32.to_le_bytes());
        vs.iter().for_each(|v| bytes.extend_from_slice(&v.to_le_bytes()));
        assert_eq!(Leaf::new(b"x").u32(7).f32s(&vs).finish(), reference(&bytes));
        let (l, r) = ([1u8; 32], [2u8; 32]);
        let mut n = alloc::vec![NODE_PREFIX];
        n.extend_from_slice(&l);
        n.extend_from_slice(&r);
        assert_eq!(node(&l, &r), reference(&n));
    }

    #[test]
    fn every_nan_hashes_as_the_canonical_one() {
        // Signalling, negative, payload-carrying and the x86 default
        // (0xffc00000) NaNs: all one value to the hash.
        let nans = [0x7fc0_0000u32, 0xffc0_0000, 0x7f80_0001, 0xff80_0001, 0x7fff_ffff, 0xffff_ffff, 0x7fc0_1234];
        let canonical = Leaf::new(b"x").f32s(&[1.0, f32::from_bits(CANONICAL_NAN)]).finish();
        for bits in nans {
            let v = f32::from_bits(bits);
            assert!(v.is_nan());
            assert_eq!(canonical_bits(v), CANONICAL_NAN, "{bits:#x}");
            assert_eq!(Leaf::new(b"x").f32s(&[1.0, v]).finish(), canonical, "{bits:#x}");
        }
        // Everything else keeps its bits: infinities and both zeros differ.
        for v in [f32::INFINITY, f32::NEG_INFINITY, 0.0, -0.0, f32::MIN_POSITIVE, f32::from_bits(1)] {
            assert_eq!(canonical_bits(v), v.to_bits());
        }
        assert_ne!(Leaf::new(b"x").f32s(&[0.0]).finish(), Leaf::new(b"x").f32s(&[-0.0]).finish());
    }
}
