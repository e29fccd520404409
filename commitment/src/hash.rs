//! The scheme's hash: blake2b with a 256-bit output, and domain-separated
//! leaf encodings.

use blake2::{digest::consts::U32, Blake2b, Digest};

/// A 32-byte blake2b-256 digest.
pub type Hash = [u8; 32];

/// The all-zero hash: the root of an empty tree.
pub const ZERO: Hash = [0; 32];

/// Prefix of every leaf record.
pub const LEAF_PREFIX: u8 = 0x00;
/// Prefix of every inner Merkle node.
pub const NODE_PREFIX: u8 = 0x01;

/// Incremental hasher for one leaf record: `0x00 ‖ domain ‖ fields…`.
pub struct Leaf(Blake2b<U32>);

impl Leaf {
    /// Starts a leaf record of kind `domain` (e.g. `b"tensor"`).
    pub fn new(domain: &[u8]) -> Self {
        let mut h = Blake2b::<U32>::new();
        h.update([LEAF_PREFIX]);
        h.update((domain.len() as u32).to_le_bytes());
        h.update(domain);
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
    /// Appends `f32` values, little-endian.
    pub fn f32s(mut self, vs: &[f32]) -> Self {
        for v in vs {
            self.0.update(v.to_le_bytes());
        }
        self
    }
    /// The digest.
    pub fn finish(self) -> Hash {
        self.0.finalize().into()
    }
}

/// An inner node: `blake2b(0x01 ‖ left ‖ right)`.
pub fn node(left: &Hash, right: &Hash) -> Hash {
    let mut h = Blake2b::<U32>::new();
    h.update([NODE_PREFIX]);
    h.update(left);
    h.update(right);
    h.finalize().into()
}

/// Plain blake2b-256 of `data` (no domain): for hashing file contents.
pub fn blake2_256(data: &[u8]) -> Hash {
    Blake2b::<U32>::digest(data).into()
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
