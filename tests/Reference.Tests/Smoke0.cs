using Xunit;
using static TorchSharp.torch;
namespace StaticNet.Reference.Tests;
public sealed class Smoke0 { [Fact] public void Ones() => Assert.Equal(9f, ones(3, 3).sum().item<float>()); }
