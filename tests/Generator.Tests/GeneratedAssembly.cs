using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;

namespace ModelArts.Generator.Tests;

/// <summary>The shipped spec generated, compiled and loaded once for all tests that run generated code.</summary>
/// <remarks>Not on the testing framework, which compiles but neither emits nor loads: these tests execute the models.</remarks>
internal static class GeneratedAssembly
{
    private static readonly Lazy<Assembly> Loaded = new(() =>
    {
        var (texts, options) = GeneratorHarness.ShippedSpec();
        var (output, diagnostics, _) = GeneratorHarness.Run(texts, options, GeneratorHarness.Compilation([], GeneratorHarness.ExecutionReferences));
        if (diagnostics.Length > 0)
        {
            throw new InvalidOperationException(string.Join("\n", diagnostics));
        }

        return GeneratorHarness.Load(output);
    });

    public static Assembly Assembly => Loaded.Value;

    public static Type Type(string fullName) => Assembly.GetType(fullName) ?? throw new InvalidOperationException(fullName + " was not generated");

    /// <summary>FromJson(string) then ToJson() of the generated type.</summary>
    public static string RoundTrip(string typeName, string json)
    {
        var type = Type(typeName);
        var model = Invoke(type.GetMethod("FromJson", [typeof(string)])!, null, json);
        return (string)Invoke(type.GetMethod("ToJson")!, model)!;
    }

    public static object Deserialize(string typeName, string json) =>
        Invoke(Type(typeName).GetMethod("FromJson", [typeof(string)])!, null, json)!;

    public static object? Invoke(MethodInfo method, object? target, params object?[] arguments)
    {
        try
        {
            return method.Invoke(target, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    public static JsonObject Spec(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(GeneratorHarness.SpecFolder, file)))!.AsObject();
}
