private const string Name = "Samples.RobustRegressor";
private const int InputSize = 6, OutputSize = 2, ParameterCount = 372, MaxBatchSize = 107374179;

private readonly float[] _parameters = new float[ParameterCount];
private readonly float[] _gradients = new float[ParameterCount];
private readonly float[] _squareAverages = new float[ParameterCount]; // running average of squared gradients s
private readonly float[] _gradientAverages = new float[ParameterCount]; // running average of gradients m (centered)
private readonly float[] _velocity = new float[ParameterCount]; // momentum buffer b (used when momentum > 0)
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
