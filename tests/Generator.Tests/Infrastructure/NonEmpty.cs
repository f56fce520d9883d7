using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace StaticNet.Generator.Tests.Infrastructure;

/// <summary>
/// <c>Assert.All</c> that cannot pass vacuously: it first asserts that there is something to check. The tests call this
/// instead of <c>Assert.All</c> (checked by <see cref="NonEmptyTests.NoTestCallsAssertAllDirectly"/>).
/// </summary>
internal static class NonEmpty
{
    /// <summary>Asserts that <paramref name="items"/> is not empty and that <paramref name="check"/> passes for each.</summary>
    public static void All<T>(IEnumerable<T> items, Action<T> check, string? what = null)
    {
        T[] list = items.ToArray();
        Assert.True(list.Length > 0, $"Nothing to check: {what ?? "the sequence"} is empty.");
        Assert.All(list, check);
    }
}
