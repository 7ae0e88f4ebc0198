using System.Text.Json;
using System.Text.Json.Nodes;

namespace ModelArts.SpecExtractor.OpenApi;

/// <summary>
/// Applies an OpenAPI Overlay 1.0 document: each action's <c>target</c> (a JSONPath) selects nodes,
/// <c>update</c> merges into them (objects recursively, arrays appended) and <c>remove: true</c> deletes them.
/// Curated rules that prose cannot yield live there, each action citing its source sentence.
/// </summary>
internal static class Overlay
{
    public static void Apply(JsonObject document, string overlayFile, string overlayText, WarningSink warnings)
    {
        var overlay = JsonNode.Parse(overlayText, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })
            as JsonObject ?? throw new InvalidDataException("the overlay is not a JSON object");
        if (overlay["overlay"]?.GetValue<string>() is not { } version || !version.StartsWith("1.", StringComparison.Ordinal))
        {
            throw new InvalidDataException("the overlay has no 'overlay: 1.x' version field");
        }

        if (overlay["actions"] is not JsonArray actions)
        {
            throw new InvalidDataException("the overlay has no 'actions' array");
        }

        var actionLines = ActionLines(overlayText);
        for (var i = 0; i < actions.Count; i++)
        {
            var line = i < actionLines.Count ? actionLines[i] : 1;
            if (actions[i] is not JsonObject action || action["target"]?.GetValue<string>() is not { } target)
            {
                warnings.Add(overlayFile, line, $"action {i + 1} has no target; it is skipped");
                continue;
            }

            List<JsonPath.Match> matches;
            try
            {
                matches = JsonPath.Select(document, target);
            }
            catch (FormatException e)
            {
                warnings.Add(overlayFile, line, $"action {i + 1}: target '{target}' is not a supported JSONPath ({e.Message}); it is skipped");
                continue;
            }

            if (matches.Count == 0)
            {
                warnings.Add(overlayFile, line, $"action {i + 1}: target '{target}' matches nothing in the extracted document; the documentation may have changed");
                continue;
            }

            if (action["remove"]?.GetValue<bool>() == true)
            {
                foreach (var match in matches.AsEnumerable().Reverse())
                {
                    match.Remove();
                }

                continue;
            }

            if (action["update"] is not { } update)
            {
                warnings.Add(overlayFile, line, $"action {i + 1} has neither update nor remove; it is skipped");
                continue;
            }

            foreach (var match in matches)
            {
                switch (match.Node)
                {
                    case JsonObject obj when update is JsonObject fields:
                        Merge(obj, fields);
                        break;
                    case JsonArray array:
                        array.Add(update.DeepClone());
                        break;
                    default:
                        warnings.Add(overlayFile, line, $"action {i + 1}: target '{target}' is a value, not an object or array; it is skipped");
                        break;
                }
            }
        }
    }

    private static void Merge(JsonObject target, JsonObject update)
    {
        foreach (var (key, value) in update)
        {
            if (target[key] is JsonObject existingObject && value is JsonObject updateObject)
            {
                Merge(existingObject, updateObject);
            }
            else if (target[key] is JsonArray existingArray && value is JsonArray updateArray)
            {
                foreach (var item in updateArray)
                {
                    existingArray.Add(item?.DeepClone());
                }
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }

    /// <summary>The line where each action starts, so warnings point into the overlay file.</summary>
    private static List<int> ActionLines(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var lines = new List<int>();
        var inActions = false;
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
            {
                inActions = reader.ValueTextEquals("actions");
            }
            else if (inActions && reader.CurrentDepth == 2 && reader.TokenType == JsonTokenType.StartObject)
            {
                lines.Add(1 + bytes.AsSpan(0, (int)reader.TokenStartIndex).Count((byte)'\n'));
            }
        }

        return lines;
    }
}

/// <summary>The JSONPath subset overlays need: <c>$</c>, <c>.name</c>, <c>['name']</c>, <c>[n]</c>, <c>.*</c> and <c>[*]</c>.</summary>
internal static class JsonPath
{
    public sealed record Match(JsonNode Node, JsonNode? Parent, string? Key, int Index)
    {
        public void Remove()
        {
            switch (Parent)
            {
                case JsonObject obj when Key is not null:
                    obj.Remove(Key);
                    break;
                case JsonArray array:
                    array.RemoveAt(Index);
                    break;
            }
        }
    }

    public static List<Match> Select(JsonNode root, string path)
    {
        if (!path.StartsWith('$'))
        {
            throw new FormatException("a path starts with '$'");
        }

        var current = new List<Match> { new(root, null, null, -1) };
        var i = 1;
        while (i < path.Length)
        {
            string? name;
            int? index = null;
            if (path[i] == '.')
            {
                var end = i + 1;
                while (end < path.Length && path[end] is not ('.' or '['))
                {
                    end++;
                }

                name = path[(i + 1)..end];
                if (name.Length == 0)
                {
                    throw new FormatException($"empty name at {i}");
                }

                i = end;
            }
            else if (path[i] == '[')
            {
                var close = path[i + 1] is '\'' or '"' ? path.IndexOf(path[i + 1] + "]", i + 2, StringComparison.Ordinal) + 1 : path.IndexOf(']', i);
                if (close <= i)
                {
                    throw new FormatException($"unclosed '[' at {i}");
                }

                var inside = path[(i + 1)..close];
                i = close + 1;
                if (inside.Length >= 2 && inside[0] is '\'' or '"')
                {
                    name = inside[1..^1];
                }
                else if (inside == "*")
                {
                    name = "*";
                }
                else if (int.TryParse(inside, System.Globalization.CultureInfo.InvariantCulture, out var n))
                {
                    name = null;
                    index = n;
                }
                else
                {
                    throw new FormatException($"unsupported selector [{inside}]");
                }
            }
            else
            {
                throw new FormatException($"unexpected '{path[i]}' at {i}");
            }

            current = Step(current, name, index);
        }

        return current;
    }

    private static List<Match> Step(List<Match> current, string? name, int? index)
    {
        var next = new List<Match>();
        foreach (var match in current)
        {
            switch (match.Node)
            {
                case JsonObject obj when name == "*":
                    next.AddRange(obj.Where(p => p.Value is not null).Select(p => new Match(p.Value!, obj, p.Key, -1)));
                    break;
                case JsonObject obj when name is not null && obj[name] is { } child:
                    next.Add(new Match(child, obj, name, -1));
                    break;
                case JsonArray array when name == "*":
                    next.AddRange(array.Select((item, n) => (item, n)).Where(x => x.item is not null).Select(x => new Match(x.item!, array, null, x.n)));
                    break;
                case JsonArray array when index is { } n && n >= 0 && n < array.Count && array[n] is { } item:
                    next.Add(new Match(item, array, null, n));
                    break;
            }
        }

        return next;
    }
}
