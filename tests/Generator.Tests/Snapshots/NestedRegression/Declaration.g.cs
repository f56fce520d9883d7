namespace Samples.Regression
{
    partial class Models
    {
        /// <summary>Network Regressor: see the header of this file for its architecture and parameter layout.</summary>
        [global::System.CodeDom.Compiler.GeneratedCode("StaticNet.Generator", "%VERSION%")]
        partial class Regressor : global::StaticNet.INetwork<Regressor>
        {

namespace StaticNet.Generated
{
    using System;
    using System.Numerics.Tensors;
    using StaticNet;
    using StaticNet.Kernels;

    /// <summary>
    /// The state and the math of <see cref="global::Samples.Regression.Models.Regressor"/>, which forwards every call here.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("StaticNet.Generator", "%VERSION%")]
    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
    internal sealed class Samples_Regression_Models_Regressor_Network : ITrainingState
    {
