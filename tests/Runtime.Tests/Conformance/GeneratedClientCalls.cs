using System.Reflection;
using System.Text.Json.Nodes;

namespace ModelArts.Runtime.Tests.Conformance;

/// <summary>
/// Calls a spec operation through its generated client (<see cref="ModelArtsClient"/>, <c>IamClient</c>) by its operationId: the body from
/// JSON through the generated <c>FromJson</c>, required path and query parameters with the smallest valid value,
/// optional ones left at their defaults.
/// </summary>
internal static class GeneratedClientCalls
{
    public static MethodInfo Method(SpecOperation operation) =>
        operation.Spec.ClientType.GetMethod(operation.OperationId + "Async", BindingFlags.Public | BindingFlags.Instance)
        ?? throw new InvalidOperationException($"the generated {operation.Spec.ClientType.Name} has no {operation.OperationId}Async for {operation.Method.ToUpperInvariant()} {operation.PathTemplate}");

    /// <summary>The generated request type of <paramref name="operation"/>'s body parameter.</summary>
    public static Type BodyType(SpecOperation operation) =>
        Method(operation).GetParameters().SingleOrDefault(p => p.Name == "body")?.ParameterType
        ?? throw new InvalidOperationException($"{operation.OperationId}Async takes no body");

    /// <summary>The generated <c>FromJson(string)</c> of <paramref name="bodyType"/>.</summary>
    public static object FromJson(Type bodyType, string json)
    {
        var fromJson = bodyType.GetMethod("FromJson", BindingFlags.Public | BindingFlags.Static, [typeof(string)])
            ?? throw new InvalidOperationException($"{bodyType} has no FromJson(string)");
        return fromJson.Invoke(null, BindingFlags.DoNotWrapExceptions, null, [json], null)!;
    }

    /// <summary>The generated <c>Validate()</c> of a request model.</summary>
    public static IReadOnlyList<Validation.ModelArtsViolation> Validate(object body) =>
        (IReadOnlyList<Validation.ModelArtsViolation>)body.GetType().GetMethod("Validate", Type.EmptyTypes)!.Invoke(body, null)!;

    /// <summary>Calls the operation and returns the awaited result (null for operations without a response body).</summary>
    public static async Task<object?> CallAsync(object client, SpecOperation operation, object? body)
    {
        var method = Method(operation);
        var arguments = method.GetParameters().Select(p => Argument(operation, p, body)).ToArray();
        var task = (Task)method.Invoke(client, BindingFlags.DoNotWrapExceptions, null, arguments, null)!;
        await task;
        return task.GetType().IsGenericType ? task.GetType().GetProperty("Result")!.GetValue(task) : null;
    }

    private static object? Argument(SpecOperation operation, ParameterInfo parameter, object? body)
    {
        switch (parameter.Name)
        {
            case "body":
                return body;
            case "projectId":
                return null;
            case "cancellationToken":
                return CancellationToken.None;
        }

        var declared = operation.Parameters.SingleOrDefault(p => Comparable(p.Name) == Comparable(parameter.Name!))
            ?? throw new InvalidOperationException($"{operation.OperationId}Async parameter '{parameter.Name}' matches no parameter of the spec operation");
        if (!declared.Required)
        {
            return parameter.HasDefaultValue ? parameter.DefaultValue : null;
        }

        return Clr(operation.Spec.Valid(declared.Schema), parameter.ParameterType);
    }

    /// <summary>A JSON scalar as <paramref name="type"/>: string, number, bool, or a generated option struct.</summary>
    private static object Clr(JsonNode value, Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var scalar = value.AsValue();
        if (type == typeof(string))
        {
            return scalar.TryGetValue<string>(out var text) && text is not null ? text : scalar.ToJsonString();
        }

        if (type == typeof(bool) || type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(float))
        {
            return Convert.ChangeType(scalar.ToJsonString(), type, System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var constructor in type.GetConstructors())
        {
            if (constructor.GetParameters() is [var single] && single.ParameterType != type)
            {
                return constructor.Invoke([Clr(value, single.ParameterType)]);
            }
        }

        throw new InvalidOperationException($"cannot pass {value.ToJsonString()} as {type}");
    }

    /// <summary>
    /// Field (slash-joined path) to the rules the runtime reports there for a body of <paramref name="operation"/>:
    /// Validate's rule ids, or "reader" when the generated reader refuses the JSON.
    /// </summary>
    public static Dictionary<string, List<string>> Rejections(SpecOperation operation, string json)
    {
        var rejections = new Dictionary<string, List<string>>();
        void Add(string jsonPath, string rule)
        {
            var key = string.Join("/", JsonPathSegments(jsonPath));
            (rejections.TryGetValue(key, out var rules) ? rules : rejections[key] = []).Add(rule);
        }

        try
        {
            foreach (var violation in Validate(FromJson(BodyType(operation), json)))
            {
                Add(violation.Path, violation.RuleId);
            }
        }
        catch (Json.ModelArtsJsonException e)
        {
            Add(e.JsonPath, "reader");
        }

        return rejections;
    }

    /// <summary><c>$.a[0]['b c'].d</c> → a, 0, b c, d.</summary>
    public static IEnumerable<string> JsonPathSegments(string path)
    {
        foreach (System.Text.RegularExpressions.Match segment in JsonPathSegmentPattern.Matches(path))
        {
            yield return segment.Groups[1].Success ? segment.Groups[1].Value
                : segment.Groups[2].Success ? segment.Groups[2].Value.Replace("\\'", "'", StringComparison.Ordinal)
                : segment.Groups[3].Value;
        }
    }

    private static readonly System.Text.RegularExpressions.Regex JsonPathSegmentPattern = new(@"\.([^.\[]+)|\['((?:[^'\\]|\\.)*)'\]|\[(\d+)\]");

    /// <summary>Header parameters (X-Language) are camelCase arguments (xLanguage): compared by letters and digits alone.</summary>
    private static string Comparable(string name) => new string(name.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
}
