using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using StaticNet.Generator.Diagnostics;
using StaticNet.Generator.Emission;
using StaticNet.Generator.Model;
using StaticNet.Generator.Parsing;
using StaticNet.Generator.Planning;
using StaticNet.Generator.Validation;

namespace StaticNet.Generator;

/// <summary>
/// The StaticNet incremental generator: finds classes marked <c>[Network]</c>, validates their declaration and emits
/// the forward pass, backpropagation, loss and optimizer code for that exact architecture.
/// Pipeline: Parse → Validate → Plan → Emit (docs/architecture.md). Every value is value-equatable and the plan sees the
/// spec without its source locations, so unrelated edits, and moving the declaration, regenerate nothing.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class NetworkGenerator : IIncrementalGenerator
{
    private static readonly string Version = typeof(NetworkGenerator).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // The language version from the parse options, not the compilation: it stays equal across edits, so combining
        // it with every network re-runs nothing.
        IncrementalValueProvider<TargetInfo> target = context.ParseOptionsProvider
            .Select(static (options, _) => TargetInfo.From(options))
            .WithTrackingName(TrackingNames.Target);

        IncrementalValuesProvider<ValidationResult> validated = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                "StaticNet.NetworkAttribute",
                // Records are found too, to be told they are not supported (SN0013) rather than silently skipped.
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                static (ctx, ct) => NetworkParser.Parse(ctx, ct))
            .WithTrackingName(TrackingNames.Parse)
            .Combine(target)
            .Select(static (input, _) => NetworkValidator.Validate(input.Left, input.Right))
            .WithTrackingName(TrackingNames.Validate);

        context.RegisterSourceOutput(validated.Select(static (v, _) => v.Diagnostics), static (spc, diagnostics) =>
        {
            foreach (DiagnosticInfo diagnostic in diagnostics)
            {
                spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        // The spec alone (no locations, no declaration facts, which only the validator reads) goes on: a declaration
        // that only moves, or gains a member, leaves Plan and Emit cached.
        IncrementalValuesProvider<GeneratedNetwork> generated = validated
            .Where(static v => !v.HasErrors && v.Spec is not null)
            .Select(static (v, _) => v.Spec! with { Declaration = DeclarationSpec.Plain })
            .Select(static (spec, ct) => PlanSafely(spec, ct))
            .WithTrackingName(TrackingNames.Plan)
            .Select(static (plan, _) => EmitSafely(plan))
            .WithTrackingName(TrackingNames.Emit);

        context.RegisterSourceOutput(generated.Where(static g => g.Source is not null), static (spc, network) =>
            spc.AddSource(network.HintName, SourceText.From(network.Source!, System.Text.Encoding.UTF8)));

        // An unexpected exception in Plan or Emit becomes one diagnostic on the class, located through the validation result.
        IncrementalValueProvider<(ImmutableArray<GeneratedNetwork> Failed, ImmutableArray<ValidationResult> Declarations)> failures = generated
            .Where(static g => g.Failure is not null)
            .Collect()
            .Combine(validated.Collect());
        context.RegisterSourceOutput(failures, static (spc, pair) =>
        {
            foreach (DiagnosticInfo failure in Failures(pair.Failed, pair.Declarations))
            {
                spc.ReportDiagnostic(failure.ToDiagnostic());
            }
        });
    }

    /// <summary>SN0099 for each network whose Plan or Emit failed, on its class name.</summary>
    internal static System.Collections.Generic.IEnumerable<DiagnosticInfo> Failures(ImmutableArray<GeneratedNetwork> failed, ImmutableArray<ValidationResult> declarations)
    {
        foreach (GeneratedNetwork network in failed)
        {
            LocationInfo? location = declarations.FirstOrDefault(v => v.Spec?.FullName == network.FullName)?.ClassLocation;
            yield return DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, location, network.FullName, network.Failure!);
        }
    }

    /// <summary>The plan, or the failure that stopped it (never an exception into the compiler).</summary>
    internal sealed record PlanResult(NetworkPlan? Plan, string FullName, string? Failure);

    /// <summary>One network's generated file, or the failure that stopped it.</summary>
    internal sealed record GeneratedNetwork(string FullName, string HintName, string? Source, string? Failure);

    private static PlanResult PlanSafely(NetworkSpec spec, CancellationToken cancellationToken)
    {
        try
        {
            return new PlanResult(NetworkPlanner.Plan(spec, Version, cancellationToken), spec.FullName, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new PlanResult(null, spec.FullName, ex.GetType().Name + ": " + ex.Message);
        }
    }

    private static GeneratedNetwork EmitSafely(PlanResult result)
    {
        if (result.Plan is null)
        {
            return new GeneratedNetwork(result.FullName, string.Empty, null, result.Failure);
        }

        try
        {
            return new GeneratedNetwork(result.FullName, result.Plan.HintName, NetworkEmitter.Emit(result.Plan), null);
        }
        catch (Exception ex)
        {
            return new GeneratedNetwork(result.FullName, result.Plan.HintName, null, ex.GetType().Name + ": " + ex.Message);
        }
    }
}
