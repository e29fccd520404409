//! The published test vectors of ECVRF-P256-SHA256-TAI, draft-irtf-cfrg-vrf-05
//! Appendix A.1 (the draft the `vrf` crate implements; RFC 9381 later changed
//! the encoding, so its vectors differ), checked through the host-function
//! path the runtime uses.

use gensyn_vrf::{dev_secret, ecvrf, prove, public_key};

fn hex(s: &str) -> Vec<u8> {
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
}

struct Vector {
    sk: &'static str,
    pk: &'static str,
    alpha: &'static str,
    pi: &'static str,
    beta: &'static str,
}

const VECTORS: [Vector; 3] = [
    Vector {
        sk: "c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721",
        pk: "0360fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6",
        alpha: "73616d706c65",
        pi: "029bdca4cc39e57d97e2f42f88bcf0ecb1120fb67eb408a856050dbfbcbf57c524347fc46ccd87843ec0a9fdc090a407c6fbae8ac1480e240c58854897eabbc3a7bb61b201059f89186e7175af796d65e7",
        beta: "59ca3801ad3e981a88e36880a3aee1df38a0472d5be52d6e39663ea0314e594c",
    },
    Vector {
        sk: "c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721",
        pk: "0360fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6",
        alpha: "74657374",
        pi: "03873a1cce2ca197e466cc116bca7b1156fff599be67ea40b17256c4f34ba2549c94ffd2b31588b5fe034fd92c87de5b520b12084da6c4ab63080a7c5467094a1ee84b80b59aca54bba2e2baa0d108191b",
        beta: "dc85c20f95100626eddc90173ab58d5e4f837bb047fb2f72e9a408feae5bc6c1",
    },
    Vector {
        sk: "2ca1411a41b17b24cc8c3b089cfd033f1920202a6c0de8abb97df1498d50d2c8",
        pk: "03596375e6ce57e0f20294fc46bdfcfd19a39f8161b58695b3ec5b3d16427c274d",
        alpha: "4578616d706c65206f66204543445341207769746820616e736970323536723120616e64205348412d323536",
        pi: "02abe3ce3b3aa2ab3c6855a7e729517ebfab6901c2fd228f6fa066f15ebc9b9d415a680736f7c33f6c796e367f7b2f467026495907affb124be9711cf0e2d05722d3a33e11d0c5bf932b8f0c5ed1981b64",
        beta: "e880bde34ac5263b2ce5c04626870be2cbff1edcdadabd7d4cb7cbc696467168",
    },
];

#[test]
fn published_vectors_prove_and_verify() {
    for v in &VECTORS {
        let sk: [u8; 32] = hex(v.sk).try_into().unwrap();
        assert_eq!(public_key(&sk).unwrap().to_vec(), hex(v.pk));
        let (pi, beta) = prove(&sk, &hex(v.alpha)).unwrap();
        assert_eq!(pi.to_vec(), hex(v.pi));
        assert_eq!(beta.to_vec(), hex(v.beta));
        assert_eq!(ecvrf::verify(&hex(v.pk), &hex(v.alpha), &hex(v.pi)).map(|b| b.to_vec()), Some(hex(v.beta)));
    }
}

#[test]
fn anything_else_is_rejected_without_panicking() {
    let v = &VECTORS[0];
    let (pk, alpha, pi) = (hex(v.pk), hex(v.alpha), hex(v.pi));
    for i in 0..pi.len() {
        let mut bad = pi.clone();
        bad[i] ^= 0x01;
        assert_eq!(ecvrf::verify(&pk, &alpha, &bad), None, "flipped proof byte {i}");
    }
    assert_eq!(ecvrf::verify(&pk, b"other", &pi), None);
    assert_eq!(ecvrf::verify(&hex(VECTORS[2].pk), &alpha, &pi), None);
    assert_eq!(ecvrf::verify(&pk[..32], &alpha, &pi), None);
    assert_eq!(ecvrf::verify(&pk, &alpha, &pi[..80]), None);
    assert_eq!(ecvrf::verify(&[0u8; 33], &alpha, &pi), None);
    assert_eq!(ecvrf::verify(&[0xffu8; 33], &alpha, &[0xffu8; 81]), None);
    assert_eq!(ecvrf::verify(&[], &[], &[]), None);
    assert_eq!(ecvrf::verify(&pk, &alpha, &[pi.clone(), vec![0]].concat()), None);
    // s >= n (the group order) is rejected before the backend sees it.
    const ORDER: &str = "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551";
    for s in [hex(ORDER), vec![0xff; 32]] {
        let mut bad = pi.clone();
        bad[49..].copy_from_slice(&s);
        assert_eq!(ecvrf::verify(&pk, &alpha, &bad), None);
    }
    let mut x = 0x2545f491u32;
    for _ in 0..200 {
        let mut bytes = [0u8; 114];
        for b in bytes.iter_mut() {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            *b = x as u8;
        }
        bytes[0] = 2 + (bytes[0] & 1);
        assert_eq!(ecvrf::verify(&bytes[..33], &alpha, &bytes[33..]), None);
    }
    assert!(public_key(&[0u8; 32]).is_err());
    assert!(public_key(&[0xffu8; 32]).is_err());
}

#[test]
fn dev_secrets_are_stable_and_valid() {
    for name in ["alice", "bob", "charlie", "dave", "eve", "ferdie"] {
        let sk = dev_secret(name);
        assert_eq!(sk, dev_secret(name));
        let pk = public_key(&sk).unwrap();
        let (pi, beta) = prove(&sk, name.as_bytes()).unwrap();
        assert_eq!(ecvrf::verify(&pk, name.as_bytes(), &pi), Some(beta));
    }
    assert_ne!(dev_secret("alice"), dev_secret("bob"));
}

/// `cargo test --release -p gensyn-vrf -- --ignored --nocapture measure`
#[test]
#[ignore]
fn measure_verify() {
    let v = &VECTORS[0];
    let (pk, alpha, pi) = (hex(v.pk), hex(v.alpha), hex(v.pi));
    let n = 200;
    let t = std::time::Instant::now();
    for _ in 0..n {
        assert!(ecvrf::verify(&pk, &alpha, &pi).is_some());
    }
    println!("ECVRF-P256 verify: {:.3} ms each (mean of {n})", t.elapsed().as_secs_f64() * 1e3 / n as f64);
}
