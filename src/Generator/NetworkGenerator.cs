using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using StaticNet.Generator.Diagnostics;
using StaticNet.Generator.Model;

namespace StaticNet.Generator;

/// <summary>
/// The StaticNet incremental generator: finds classes marked <c>[Network]</c>, validates their declaration and emits
/// the forward pass, backpropagation, loss and optimizer code for that exact architecture.
/// Pipeline: Parse → Validate → Plan → Emit, each step a value-equatable record so unrelated edits regenerate nothing.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class NetworkGenerator : IIncrementalGenerator
{
    private static readonly string Version = typeof(NetworkGenerator).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<ValidationResult> validated = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                "StaticNet.NetworkAttribute",
                // Records are found too, to be told they are not supported (SN0013) rather than silently skipped.
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                static (ctx, ct) => Parser.Parse(ctx, ct))
            .WithTrackingName(TrackingNames.Parse)
            .Select(static (parsed, _) => Validator.Validate(parsed))
            .WithTrackingName(TrackingNames.Validate);

        context.RegisterSourceOutput(
            validated.Select(static (v, _) => v.Diagnostics),
            static (spc, diagnostics) =>
            {
                foreach (DiagnosticInfo diagnostic in diagnostics)
                {
                    spc.ReportDiagnostic(diagnostic.ToDiagnostic());
                }
            });

        IncrementalValuesProvider<GeneratedNetwork> generated = validated
            .Where(static v => !v.HasErrors && v.Spec is not null)
            .Select(static (v, ct) => PlanSafely(v.Spec!, ct))
            .WithTrackingName(TrackingNames.Plan)
            .Select(static (plan, _) => EmitSafely(plan))
            .WithTrackingName(TrackingNames.Emit);

        context.RegisterSourceOutput(generated, static (spc, network) =>
        {
            if (network.Failure is not null)
            {
                spc.ReportDiagnostic(network.Failure.ToDiagnostic());
            }
            else
            {
                spc.AddSource(network.HintName, SourceText.From(network.Source!, System.Text.Encoding.UTF8));
            }
        });
    }

    /// <summary>The plan, or the failure that stopped it (never an exception into the compiler).</summary>
    internal sealed record PlanResult(NetworkPlan? Plan, NetworkSpec Spec, DiagnosticInfo? Failure);

    /// <summary>One network's generated file, or the failure that stopped it.</summary>
    internal sealed record GeneratedNetwork(string HintName, string? Source, DiagnosticInfo? Failure);

    private static PlanResult PlanSafely(NetworkSpec spec, System.Threading.CancellationToken cancellationToken)
    {
        try
        {
            return new PlanResult(Planner.Plan(spec, Version, cancellationToken), spec, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new PlanResult(null, spec, Failure(spec, ex));
        }
    }

    private static GeneratedNetwork EmitSafely(PlanResult result)
    {
        if (result.Plan is null)
        {
            return new GeneratedNetwork(result.Spec.FullName, null, result.Failure);
        }

        string hintName = result.Plan.HintName;
        try
        {
            return new GeneratedNetwork(hintName, Emission.NetworkEmitter.Emit(result.Plan), null);
        }
        catch (Exception ex)
        {
            return new GeneratedNetwork(hintName, null, Failure(result.Spec, ex));
        }
    }

    private static DiagnosticInfo Failure(NetworkSpec spec, Exception ex) =>
        DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, spec.ClassNameLocation, spec.FullName, ex.GetType().Name + ": " + ex.Message);
}
