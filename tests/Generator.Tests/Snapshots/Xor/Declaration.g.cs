/// <summary>Network XorNetwork: see the header of this file for its architecture and parameter layout.</summary>
[global::System.CodeDom.Compiler.GeneratedCode("StaticNet.Generator", "%VERSION%")]
partial class XorNetwork : global::StaticNet.IClassifier<XorNetwork>
{

namespace StaticNet.Generated
{
    using System;
    using System.Numerics.Tensors;
    using StaticNet;
    using StaticNet.Kernels;

    /// <summary>The state and the math of <see cref="global::XorNetwork"/>, which forwards every call here.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("StaticNet.Generator", "%VERSION%")]
    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
    internal sealed class XorNetwork_Network : ITrainingState
    {
