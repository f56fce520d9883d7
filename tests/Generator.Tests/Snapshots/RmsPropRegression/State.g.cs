private const string Name = "Samples.RobustRegressor";
private const int InputSize = 6, OutputSize = 2, ParameterBufferLength = 432, MaxBatchSize = 107374179;

// Each tensor starts on a 64-byte line (offsets in the header); the padding is zero until written, and never read.
private readonly AlignedBuffer _parameters = new(ParameterBufferLength);
private readonly AlignedBuffer _gradients = new(ParameterBufferLength);
private readonly AlignedBuffer _squareAverages = new(ParameterBufferLength); // running average of squared gradients s
private readonly AlignedBuffer _gradientAverages = new(ParameterBufferLength); // running average of gradients m (centered)
private readonly AlignedBuffer _velocity = new(ParameterBufferLength); // momentum buffer b (used when momentum > 0)
private readonly float[] _w1Transposed = new float[200]; // W1ᵀ for the input-gradient kernel
private readonly float[] _w2Transposed = new float[20]; // W2ᵀ for the input-gradient kernel
// Workspaces of [batch x units], grown to the largest batch seen:
// activations a, pre-activations z, gradients dz.
private float[] _a0 = Array.Empty<float>(), _z0 = Array.Empty<float>(), _dz0 = Array.Empty<float>();
private float[] _a1 = Array.Empty<float>(), _z1 = Array.Empty<float>(), _dz1 = Array.Empty<float>();
private float[] _a2 = Array.Empty<float>(), _z2 = Array.Empty<float>(), _dz2 = Array.Empty<float>();
private int _forwardCapacity, _backwardCapacity;
private long _stepCount;
private UseGuard _guard;
private float _learningRate = 0.01f;
private float _momentum = 0.5f;
private float _alpha = 0.99f;
private float _epsilon = 1E-08f;
private float _weightDecay = 0.01f;
private float _huberDelta = 0.5f;
