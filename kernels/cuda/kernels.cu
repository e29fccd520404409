// gensyn reproducible kernels for CUDA.
//
// Each kernel computes exactly what the canonical Rust operator in
// kernels/src/ops.rs computes, in the same floating-point order:
// - compiled by NVRTC with --fmad=false (no contraction into FMA),
//   --prec-div=true, --prec-sqrt=true and --ftz=false (IEEE semantics);
// - matmul folds K sequentially per output (tiles only stage loads);
// - reductions follow the canonical power-of-two-stride tree;
// - exp/ln/tanh are the same polynomials as kernels/src/math.rs.
// Parallelism only decides which thread computes which output.


__device__ __forceinline__ float g_pow2(int n) { return __int_as_float((n + 127) << 23); }

__device__ float g_exp(float x) {
    if (isnan(x)) return x;
    if (x > 88.72284f) return __int_as_float(0x7f800000);
    if (x < -103.97208f) return 0.0f;
    const float LN2_HI = __int_as_float(0x3f317200);
    const float LN2_LO = __int_as_float(0x35bfbe8e);
    float n = (x * 1.44269504f + 12582912.0f) - 12582912.0f;
    float r = (x - n * LN2_HI) - n * LN2_LO;
    float p = 1.0f + r * (1.0f + r * (0.5f + r * (1.0f / 6.0f + r * (1.0f / 24.0f +
              r * (1.0f / 120.0f + r * (1.0f / 720.0f + r * (1.0f / 5040.0f)))))));
    int ni = (int)n;
    if (ni > 127) return p * g_pow2(127) * g_pow2(ni - 127);
    if (ni < -126) return p * g_pow2(ni + 100) * g_pow2(-100);
    return p * g_pow2(ni);
}

__device__ float g_ln(float x) {
    if (isnan(x) || x < 0.0f) return __int_as_float(0x7fc00000);
    if (x == 0.0f) return __int_as_float(0xff800000);
    if (isinf(x)) return x;
    unsigned int bits = __float_as_uint(x);
    int e = 0;
    if (bits < 0x00800000u) { bits = __float_as_uint(x * g_pow2(25)); e = -25; }
    e += (int)((bits >> 23) & 0xffu) - 127;
    float m = __uint_as_float((bits & 0x007fffffu) | 0x3f800000u);
    if (m > __int_as_float(0x3fb504f3)) { m *= 0.5f; e += 1; }  // f32 SQRT_2
    float s = (m - 1.0f) / (m + 1.0f);
    float z = s * s;
    float two_s = s + s;
    float tail = z * (1.0f / 3.0f + z * (1.0f / 5.0f + z * (1.0f / 7.0f + z * (1.0f / 9.0f + z * (1.0f / 11.0f)))));
    float ln_m = two_s + two_s * tail;
    float ef = (float)e;
    return ef * __int_as_float(0x3f317200) + (ln_m + ef * __int_as_float(0x35bfbe8e));
}

__device__ float g_tanh(float x) {
    if (isnan(x)) return x;
    float a = __uint_as_float(__float_as_uint(x) & 0x7fffffffu);
    float t;
    if (a < 0.25f) {
        float z = a * a;
        t = a * (1.0f + z * (-1.0f / 3.0f + z * (2.0f / 15.0f + z * (-17.0f / 315.0f + z * (62.0f / 2835.0f)))));
    } else if (a > 9.0f) {
        t = 1.0f;
    } else {
        float e = g_exp(-(a + a));
        t = (1.0f - e) / (1.0f + e);
    }
    return x < 0.0f ? -t : t;
}

__device__ float g_gelu(float x) {
    const float C = 0.79788456f, K = 0.044715f;
    float u = C * (x + K * (x * x * x));
    return (0.5f * x) * (1.0f + g_tanh(u));
}

// The canonical tree sum fed one value at a time (reduce::tree_sum_streaming).
struct TreeSum {
    float sums[32];
    int sizes[32];
    int top;
    __device__ TreeSum() : top(0) {}
    __device__ void push(float v) {
        sums[top] = v;
        sizes[top] = 1;
        ++top;
        while (top >= 2 && sizes[top - 1] == sizes[top - 2]) {
            sums[top - 2] = sums[top - 2] + sums[top - 1];
            sizes[top - 2] *= 2;
            --top;
        }
    }
    __device__ float finish() const {
        if (top == 0) return 0.0f;
        float acc = sums[top - 1];
        for (int i = top - 2; i >= 0; --i) acc = sums[i] + acc;
        return acc;
    }
};

// Canonical tree sum of x[0], x[stride], …, x[(len-1)·stride] by one thread
// (see reduce::tree_sum_streaming, which the Rust tests prove equal).
__device__ float g_tree_sum_strided(const float* x, int len, int stride) {
    TreeSum s;
    for (int i = 0; i < len; ++i) s.push(x[(long long)i * stride]);
    return s.finish();
}

// Canonical tree sum of sh[0..n) in shared memory, in place, by the block.
__device__ float g_block_tree_sum(float* sh, int n) {
    for (int s = 1; s < n; s *= 2) {
        __syncthreads();
        for (int i = threadIdx.x * 2 * s; i + s < n; i += blockDim.x * 2 * s) sh[i] = sh[i] + sh[i + s];
    }
    __syncthreads();
    float total = n > 0 ? sh[0] : 0.0f;
    __syncthreads();
    return total;
}

// Matmul C[m×n] = op(A)·op(B), register-tiled: a block computes a 64×64
// tile of C with 256 threads, each thread a 4×4 grid of outputs (rows
// ty + 16r, columns tx + 16c, so shared-memory reads are conflict-free and
// stores coalesce). K is staged through shared memory 16 at a time, and
// every output still folds p = 0, 1, …, k−1 in order with a separate
// multiply and add, exactly as ops::matmul: the tiling decides only which
// thread computes which output and where operands wait.
#define MM_BM 64
#define MM_BN 64
#define MM_BK 16
#define MM_THREADS 256

extern "C" __global__ void __launch_bounds__(MM_THREADS) matmul(const float* a, const float* b, float* c, int m, int k,
                                                                int n, int ta, int tb) {
    // +1 column of padding: transposed-order stores do not collide in one bank.
    __shared__ float As[MM_BK][MM_BM + 1];
    __shared__ float Bs[MM_BK][MM_BN + 1];
    int tid = threadIdx.x, tx = tid % 16, ty = tid / 16;
    int row0 = blockIdx.y * MM_BM, col0 = blockIdx.x * MM_BN;
    float acc[4][4];
    for (int r = 0; r < 4; ++r)
        for (int q = 0; q < 4; ++q) acc[r][q] = 0.0f;
    for (int p0 = 0; p0 < k; p0 += MM_BK) {
        // Global loads walk the operand's contiguous dimension across threads.
        for (int l = tid; l < MM_BM * MM_BK; l += MM_THREADS) {
            int ii = ta ? l % MM_BM : l / MM_BK, pp = ta ? l / MM_BM : l % MM_BK;
            int i = row0 + ii, p = p0 + pp;
            As[pp][ii] = (i < m && p < k) ? a[ta ? (long long)p * m + i : (long long)i * k + p] : 0.0f;
        }
        for (int l = tid; l < MM_BK * MM_BN; l += MM_THREADS) {
            int jj = tb ? l / MM_BK : l % MM_BN, pp = tb ? l % MM_BK : l / MM_BN;
            int j = col0 + jj, p = p0 + pp;
            Bs[pp][jj] = (j < n && p < k) ? b[tb ? (long long)j * k + p : (long long)p * n + j] : 0.0f;
        }
        __syncthreads();
        // Only real terms are added (padding would turn a −0 sum into +0).
        int q_end = min(MM_BK, k - p0);
        for (int q = 0; q < q_end; ++q) {
            float ar[4], br[4];
            for (int r = 0; r < 4; ++r) ar[r] = As[q][ty + 16 * r];
            for (int u = 0; u < 4; ++u) br[u] = Bs[q][tx + 16 * u];
            for (int r = 0; r < 4; ++r)
                for (int u = 0; u < 4; ++u) acc[r][u] = acc[r][u] + ar[r] * br[u];
        }
        __syncthreads();
    }
    for (int r = 0; r < 4; ++r) {
        int i = row0 + ty + 16 * r;
        if (i >= m) continue;
        for (int u = 0; u < 4; ++u) {
            int j = col0 + tx + 16 * u;
            if (j < n) c[(long long)i * n + j] = acc[r][u];
        }
    }
}


__device__ float g_gelu_grad(float x) {
    const float C = 0.79788456f, K = 0.044715f, K3 = 3.0f * 0.044715f;
    float x2 = x * x;
    float u = C * (x + K * (x2 * x));
    float t = g_tanh(u);
    float du = C * (1.0f + K3 * x2);
    return 0.5f * (1.0f + t) + (0.5f * x) * ((1.0f - t * t) * du);
}

// op: 0 add (a + b), 1 mul (a · b), 2 relu backward (a = x, b = dy),
// 3 gelu backward (a = x, b = dy), 4 accumulate ((0 + a) + b).
extern "C" __global__ void binary(const float* a, const float* b, float* out, long long len, int op) {
    long long t = (long long)blockIdx.x * blockDim.x + threadIdx.x;
    if (t >= len) return;
    float x = a[t], y = b[t], r;
    switch (op) {
        case 0: r = x + y; break;
        case 1: r = x * y; break;
        case 2: r = x > 0.0f ? y : 0.0f; break;
        case 3: r = y * g_gelu_grad(x); break;
        default: r = (0.0f + x) + y; break;
    }
    out[t] = r;
}

// op: 0 relu, 1 gelu, 2 exp, 3 ln, 4 tanh
extern "C" __global__ void unary(const float* x, float* out, long long len, int op) {
    long long t = (long long)blockIdx.x * blockDim.x + threadIdx.x;
    if (t >= len) return;
    float v = x[t];
    float r;
    switch (op) {
        case 0: r = v > 0.0f ? v : 0.0f; break;
        case 1: r = g_gelu(v); break;
        case 2: r = g_exp(v); break;
        case 3: r = g_ln(v); break;
        default: r = g_tanh(v); break;
    }
    out[t] = r;
}

extern "C" __global__ void bias_add(const float* x, const float* bias, float* out, long long len, int n) {
    long long t = (long long)blockIdx.x * blockDim.x + threadIdx.x;
    if (t >= len) return;
    out[t] = x[t] + bias[t % n];
}

// dbias[j] = tree over rows of dy[i, j]; one thread per column.
extern "C" __global__ void bias_backward(const float* dy, float* dbias, int rows, int n) {
    int j = blockIdx.x * blockDim.x + threadIdx.x;
    if (j >= n) return;
    dbias[j] = g_tree_sum_strided(dy + j, rows, n);
}

// One block per row; dynamic shared memory holds n floats. log != 0: log-softmax.
extern "C" __global__ void softmax_rows(const float* x, float* out, int n, int log) {
    extern __shared__ float sh[];
    const float* xr = x + (long long)blockIdx.x * n;
    float* yr = out + (long long)blockIdx.x * n;
    // Row max: order-free, so any parallel scheme gives the same value.
    __shared__ float red[256];
    float m = __int_as_float(0xff800000);
    for (int j = threadIdx.x; j < n; j += blockDim.x) { float v = xr[j]; if (v > m || isnan(v)) m = v; }
    red[threadIdx.x] = m;
    __syncthreads();
    if (threadIdx.x == 0) {
        float mm = red[0];
        for (int t = 1; t < blockDim.x; ++t) { float v = red[t]; if (v > mm || isnan(v)) mm = v; }
        red[0] = mm;
    }
    __syncthreads();
    m = red[0];
    for (int j = threadIdx.x; j < n; j += blockDim.x) sh[j] = g_exp(xr[j] - m);
    if (log) {
        float lse = g_ln(g_block_tree_sum(sh, n));
        for (int j = threadIdx.x; j < n; j += blockDim.x) yr[j] = (xr[j] - m) - lse;
    } else {
        for (int j = threadIdx.x; j < n; j += blockDim.x) yr[j] = sh[j];
        float s = g_block_tree_sum(sh, n);
        for (int j = threadIdx.x; j < n; j += blockDim.x) yr[j] = yr[j] / s;
    }
}


// The longest sequence the attention kernels take (scores live in local memory).
#define ATT_MAX_SEQ 1024

// Attention probabilities of query t of head h in one sequence (ops::attention_row):
// score_j = fold_dot(q_t, k_j)·scale for j ≤ t, then the canonical softmax.
// Writes P[0..=t].
__device__ void g_attention_row(const float* qkv, int seq, int heads, int hd, float scale, int h, int t, float* p) {
    int d = heads * hd, stride = 3 * d;
    const float* q = qkv + (long long)t * stride + h * hd;
    float m = __int_as_float(0xff800000);
    for (int j = 0; j <= t; ++j) {
        const float* k = qkv + (long long)j * stride + d + h * hd;
        float acc = 0.0f;
        for (int c = 0; c < hd; ++c) acc = acc + q[c] * k[c];
        float s = acc * scale;
        p[j] = s;
        if (s > m || isnan(s)) m = s;
    }
    TreeSum sum;
    for (int j = 0; j <= t; ++j) {
        p[j] = g_exp(p[j] - m);
        sum.push(p[j]);
    }
    float total = sum.finish();
    for (int j = 0; j <= t; ++j) p[j] = p[j] / total;
}

// Causal attention forward (ops::attention): one thread per (sequence, head, query).
extern "C" __global__ void attention_fwd(const float* qkv, float* out, int batch, int seq, int heads, int hd, float scale) {
    long long id = (long long)blockIdx.x * blockDim.x + threadIdx.x;
    if (id >= (long long)batch * heads * seq) return;
    int t = (int)(id % seq), h = (int)((id / seq) % heads), b = (int)(id / ((long long)seq * heads));
    int d = heads * hd, stride = 3 * d;
    const float* x = qkv + (long long)b * seq * stride;
    float p[ATT_MAX_SEQ];
    g_attention_row(x, seq, heads, hd, scale, h, t, p);
    float* o = out + ((long long)b * seq + t) * d + h * hd;
    for (int c = 0; c < hd; ++c) {
        float acc = 0.0f;
        for (int j = 0; j <= t; ++j) acc = acc + p[j] * x[(long long)j * stride + 2 * d + h * hd + c];
        o[c] = acc;
    }
}

// Attention backward, pass 1 (ops::attention_sequence_backward): per (sequence, head,
// query) the probability row P[t, ·] and dS[t, ·] = (P ⊙ (dP − Σ P⊙dP))·scale into
// scratch of [batch·heads × seq × seq] each.
extern "C" __global__ void attention_bwd_rows(const float* qkv, const float* dout, float* P, float* DS, int batch, int seq,
                                              int heads, int hd, float scale) {
    long long id = (long long)blockIdx.x * blockDim.x + threadIdx.x;
    if (id >= (long long)batch * heads * seq) return;
    int t = (int)(id % seq), h = (int)((id / seq) % heads), b = (int)(id / ((long long)seq * heads));
    int d = heads * hd, stride = 3 * d;
    const float* x = qkv + (long long)b * seq * stride;
    const float* go = dout + ((long long)b * seq + t) * d + h * hd;
    float* pr = P + (((long long)b * heads + h) * seq + t) * seq;
    float* dr = DS + (((long long)b * heads + h) * seq + t) * seq;
    g_attention_row(x, seq, heads, hd, scale, h, t, pr);
    TreeSum dot;
    for (int j = 0; j <= t; ++j) {
        const float* v = x + (long long)j * stride + 2 * d + h * hd;
        float acc = 0.0f;
        for (int c = 0; c < hd; ++c) acc = acc + go[c] * v[c];
        dr[j] = acc;  // dP, replaced by dS below
        dot.push(pr[j] * acc);
    }
    float s = dot.finish();
    for (int j = 0; j <= t; ++j) dr[j] = (pr[j] * (dr[j] - s)) * scale;
}

// Attention backward, pass 2: one thread per (sequence, row, head, channel) writes
// dq, dk and dv of that row: dq_t = Σ_{j≤t} dS[t,j]·k_j, dk_t = Σ_{i≥t} dS[i,t]·q_i,
// dv_t = Σ_{i≥t} P[i,t]·dout_i, sequential folds in increasing index.
extern "C" __global__ void attention_bwd_grads(const float* qkv, const float* dout, const float* P, const float* DS,
                                               float* dqkv, int batch, int seq, int heads, int hd) {
    long long id = (long long)blockIdx.x * blockDim.x + threadIdx.x;
    int d = heads * hd, stride = 3 * d;
    if (id >= (long long)batch * seq * d) return;
    int c = (int)(id % hd), h = (int)((id / hd) % heads), t = (int)((id / d) % seq), b = (int)(id / ((long long)d * seq));
    const float* x = qkv + (long long)b * seq * stride;
    const float* go = dout + (long long)b * seq * d;
    const float* pb = P + ((long long)b * heads + h) * seq * seq;
    const float* db = DS + ((long long)b * heads + h) * seq * seq;
    int qc = h * hd + c, kc = d + h * hd + c, vc = 2 * d + h * hd + c;
    float dq = 0.0f, dk = 0.0f, dv = 0.0f;
    for (int j = 0; j <= t; ++j) dq = dq + db[(long long)t * seq + j] * x[(long long)j * stride + kc];
    for (int i = t; i < seq; ++i) {
        dk = dk + db[(long long)i * seq + t] * x[(long long)i * stride + qc];
        dv = dv + pb[(long long)i * seq + t] * go[(long long)i * d + h * hd + c];
    }
    float* g = dqkv + ((long long)b * seq + t) * stride;
    g[qc] = dq;
    g[kc] = dk;
    g[vc] = dv;
}

// Layer norm forward (ops::layer_norm): one thread per row. inv_n is reduce::recip(n).
extern "C" __global__ void layer_norm_fwd(const float* x, const float* gamma, const float* beta, float* out, float* mean,
                                          float* rstd, int rows, int n, float inv_n, float eps) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= rows) return;
    const float* xr = x + (long long)i * n;
    TreeSum s;
    for (int j = 0; j < n; ++j) s.push(xr[j]);
    float mu = s.finish() * inv_n;
    TreeSum v;
    for (int j = 0; j < n; ++j) v.push((xr[j] - mu) * (xr[j] - mu));
    float var = v.finish() * inv_n;
    float r = 1.0f / sqrtf(var + eps);
    float* yr = out + (long long)i * n;
    for (int j = 0; j < n; ++j) yr[j] = ((xr[j] - mu) * r) * gamma[j] + beta[j];
    mean[i] = mu;
    rstd[i] = r;
}

// Layer norm backward, dx (ops::layer_norm_backward): one thread per row.
extern "C" __global__ void layer_norm_bwd_rows(const float* x, const float* gamma, const float* mean, const float* rstd,
                                               const float* dy, float* dx, int rows, int n, float inv_n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= rows) return;
    const float* xr = x + (long long)i * n;
    const float* gr = dy + (long long)i * n;
    float mu = mean[i], r = rstd[i];
    TreeSum sg, sgx;
    for (int j = 0; j < n; ++j) {
        float g = gr[j] * gamma[j];
        sg.push(g);
        sgx.push(g * ((xr[j] - mu) * r));
    }
    float mean_g = sg.finish() * inv_n, mean_gx = sgx.finish() * inv_n;
    float* out = dx + (long long)i * n;
    for (int j = 0; j < n; ++j) {
        float g = gr[j] * gamma[j];
        out[j] = r * ((g - mean_g) - ((xr[j] - mu) * r) * mean_gx);
    }
}

// Layer norm backward, dγ and dβ: one thread per column, canonical trees over rows.
extern "C" __global__ void layer_norm_bwd_params(const float* x, const float* mean, const float* rstd, const float* dy,
                                                 float* dgamma, float* dbeta, int rows, int n) {
    int j = blockIdx.x * blockDim.x + threadIdx.x;
    if (j >= n) return;
    TreeSum sg, sb;
    for (int i = 0; i < rows; ++i) {
        float g = dy[(long long)i * n + j];
        sg.push(g * ((x[(long long)i * n + j] - mean[i]) * rstd[i]));
        sb.push(g);
    }
    dgamma[j] = sg.finish();
    dbeta[j] = sb.finish();
}

// Embedding backward (ops::embedding_backward): one thread per column folds the rows
// in increasing order into a zeroed table, so each entry sums its rows in that order.
extern "C" __global__ void embedding_bwd(const unsigned int* ids, const float* dy, float* dtable, int rows, int dim) {
    int c = blockIdx.x * blockDim.x + threadIdx.x;
    if (c >= dim) return;
    for (int i = 0; i < rows; ++i) {
        long long r = (long long)ids[i] * dim + c;
        dtable[r] = dtable[r] + dy[(long long)i * dim + c];
    }
}

// Embedding lookup (ops::embedding): one thread per output element; ids checked by the host.
extern "C" __global__ void embedding_fwd(const unsigned int* ids, const float* table, float* out, int rows, int dim) {
    long long t = (long long)blockIdx.x * blockDim.x + threadIdx.x;
    if (t >= (long long)rows * dim) return;
    long long i = t / dim, c = t % dim;
    out[t] = table[(long long)ids[i] * dim + c];
}

// Softmax backward from its output (ops::softmax_backward): one thread per row,
// dot = canonical tree of y·dy, then dx = y·(dy − dot).
extern "C" __global__ void softmax_bwd_rows(const float* y, const float* dy, float* dx, int rows, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= rows) return;
    const float* yr = y + (long long)i * n;
    const float* gr = dy + (long long)i * n;
    TreeSum s;
    for (int j = 0; j < n; ++j) s.push(yr[j] * gr[j]);
    float dot = s.finish();
    float* out = dx + (long long)i * n;
    for (int j = 0; j < n; ++j) out[j] = yr[j] * (gr[j] - dot);
}

// Mean cross-entropy from the log-softmax (ops::cross_entropy): one thread folds
// the rows' target log-probabilities through the canonical tree.
extern "C" __global__ void cross_entropy_loss(const float* logp, const unsigned int* targets, float* loss, int rows, int n,
                                              float inv_rows) {
    if (blockIdx.x * blockDim.x + threadIdx.x != 0) return;
    TreeSum s;
    for (int i = 0; i < rows; ++i) s.push(logp[(long long)i * n + targets[i]]);
    loss[0] = -(s.finish() * inv_rows);
}

// Cross-entropy gradient (ops::cross_entropy_backward): (exp(logp) − onehot) · scale.
extern "C" __global__ void cross_entropy_bwd(const float* logp, const unsigned int* targets, float* dlogits, int rows, int n,
                                             float scale) {
    long long t = (long long)blockIdx.x * blockDim.x + threadIdx.x;
    if (t >= (long long)rows * n) return;
    int i = (int)(t / n), j = (int)(t % n);
    float onehot = j == (int)targets[i] ? 1.0f : 0.0f;
    dlogits[t] = (g_exp(logp[t]) - onehot) * scale;
}

// SGD with momentum and coupled weight decay (optim::sgd_momentum).
extern "C" __global__ void sgd_momentum(float* param, const float* grad, float* velocity, long long len, float lr,
                                        float momentum, float weight_decay) {
    long long t = (long long)blockIdx.x * blockDim.x + threadIdx.x;
    if (t >= len) return;
    float g = (0.0f + grad[t]) + weight_decay * param[t];
    float v = momentum * velocity[t] + g;
    velocity[t] = v;
    param[t] = param[t] - lr * v;
}

// AdamW (optim::AdamW::step); the host computes decay = lr·wd and the bias
// corrections bc1 = 1 − β₁ᵗ, bc2 = 1 − β₂ᵗ exactly as the reference does.
extern "C" __global__ void adamw(float* param, const float* grad, float* m, float* v, long long len, float lr, float beta1,
                                 float beta2, float eps, float decay, float bc1, float bc2) {
    long long t = (long long)blockIdx.x * blockDim.x + threadIdx.x;
    if (t >= len) return;
    float g = 0.0f + grad[t];
    float p = param[t];
    p = p - decay * p;
    float mt = beta1 * m[t] + (1.0f - beta1) * g;
    float vt = beta2 * v[t] + (1.0f - beta2) * (g * g);
    m[t] = mt;
    v[t] = vt;
    float mhat = mt / bc1;
    float vhat = vt / bc2;
    param[t] = p - lr * (mhat / (sqrtf(vhat) + eps));
}
