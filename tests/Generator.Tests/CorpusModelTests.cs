using System.Reflection;
using System.Text.Json.Nodes;
using ModelArts.Runtime.Json;
using Xunit;

namespace ModelArts.Generator.Tests;

/// <summary>
/// The shapes issue 12 names, on the corpus documents written for each: allOf flattened, every kind of component
/// reference followed, nullability apart from presence, one type per enum component, names that never clash.
/// </summary>
public sealed class CorpusModelTests
{
    [Fact]
    public void AllOf_composes_the_properties_and_required_lists_of_every_part_into_one_class()
    {
        var document = CorpusDocument.Get("allof");
        var dog = document.Type("Dog")!;

        Assert.Equal(["Id", "Name", "Tag", "Collar", "Breed", "BarkVolume", "Owner"], Properties(dog));
        Assert.Equal(typeof(object), dog.BaseType); // flattened: no base class, a schema may compose several
        Assert.Equal(["Id", "Name"], Properties(document.Type("Owner")!)); // allOf beside its own properties
        Assert.Equal(["Name", "Tag", "Collar", "Reason"], Properties(document.Type("PatchPetRequest")!));
        Assert.Equal(["Id", "Name", "Tag", "Collar", "UpdatedAt"], Properties(document.Type("PatchPetResponse")!));
        // An inline type of a composed part is one type, named after the part, in every model that composes it.
        var collar = document.Type("NewPetCollar")!;
        Assert.All(new[] { "NewPet", "Pet", "NewDog", "Dog", "PatchPetRequest", "PatchPetResponse" }, t => Assert.Equal(collar, document.Type(t)!.GetProperty("Collar")!.PropertyType));
        Assert.Single(document.Assembly.GetTypes(), t => t.Name.EndsWith("Collar", StringComparison.Ordinal));
        Assert.Equal("$.breed: missing required property", Assert.Throws<ModelArtsJsonException>(() => Read(document, "Dog", """{"id":1,"name":"Rex"}""")).Message);
        Assert.Equal("$.id: missing required property", Assert.Throws<ModelArtsJsonException>(() => Read(document, "Dog", """{"name":"Rex","breed":"pug"}""")).Message);
        Assert.Equal("$.reason: missing required property", Assert.Throws<ModelArtsJsonException>(() => Read(document, "PatchPetRequest", """{"name":"Rex"}""")).Message);
        // Constraints of a referenced part are checked too.
        Assert.Equal([("maxLength", "$.name"), ("maximum", "$.bark_volume")], Validate(document, "NewDog", $$"""{"name":"{{new string('n', 41)}}","breed":"pug","bark_volume":11}"""));
        Assert.Equal(typeof(Task<>).MakeGenericType(dog), document.Client.GetMethod("CreatePetAsync")!.ReturnType);
    }

    [Fact]
    public void AllOf_whose_other_parts_only_annotate_one_is_that_part_and_allOf_nested_in_a_part_is_composed()
    {
        var document = CorpusDocument.Get("allof-annotations");
        var flow = document.Type("Flow")!;

        Assert.Equal(typeof(IList<>).MakeGenericType(document.Type("FlowOutcomesItem")!), flow.GetProperty("Outcomes")!.PropertyType);
        Assert.Equal(["Action", "Retries"], Properties(document.Type("FlowOutcomesItem")!));
        Assert.Equal(typeof(Nullable<>).MakeGenericType(document.Type("FlowKind")!), flow.GetProperty("Kind")!.PropertyType);
        Assert.Equal(document.Type("Owner"), flow.GetProperty("Owner")!.PropertyType); // a $ref with annotations beside it is the referenced type, not a copy
        Assert.Equal(["CanRead", "CanShare", "CanUpload"], Properties(document.Type("FlowPermissions")!));
        Assert.Equal("$.permissions.can_upload: missing required property", Assert.Throws<ModelArtsJsonException>(() => Read(document, "Flow", """{"permissions":{"can_read":true}}""")).Message);
        Assert.Equal(NullabilityState.Nullable, new NullabilityInfoContext().Create(flow.GetProperty("Note")!).WriteState);
        Assert.Equal(typeof(IDictionary<string, string>), flow.GetProperty("Tags")!.PropertyType);
        Assert.Equal(typeof(System.Text.Json.JsonElement?), flow.GetProperty("Limit")!.PropertyType); // two parts that both constrain: MAG003
    }

    [Fact]
    public void A_property_several_allOf_parts_define_as_objects_has_the_properties_of_every_definition()
    {
        var document = CorpusDocument.Get("allof-redefined");
        var conflict = document.Type("Conflict")!;
        var context = conflict.GetProperty("Context")!.PropertyType;

        Assert.Equal(["Conflicts"], Properties(context)); // the later part's properties, beside the earlier part's free-form map
        Assert.Equal(typeof(IList<string>), context.GetProperty("Conflicts")!.PropertyType);
        Assert.Equal(typeof(string), conflict.GetProperty("Sha")!.PropertyType);
        Assert.Equal(typeof(long?), conflict.GetProperty("Size")!.PropertyType); // a number and a string: the first types it (MAG003)
        var written = Write(Read(document, "Conflict", """{"context":{"conflicts":["a"],"request_id":"r1"}}"""));
        Assert.Equal("""{"context":{"conflicts":["a"],"request_id":"r1"}}""", written);
    }

    [Fact]
    public void References_to_parameters_request_bodies_responses_and_headers_are_followed()
    {
        var client = CorpusDocument.Get("component-refs").Client;

        Assert.Equal(["xTenant", "limit", "cursor", "cancellationToken"], client.GetMethod("ListOrdersAsync")!.GetParameters().Select(p => p.Name));
        Assert.Equal(typeof(int?), client.GetMethod("ListOrdersAsync")!.GetParameters()[1].ParameterType);
        Assert.Equal("ListOrdersResponse", client.GetMethod("ListOrdersAsync")!.ReturnType.GetGenericArguments()[0].Name);
        Assert.Equal(["body", "xTenant", "cancellationToken"], client.GetMethod("CreateOrderAsync")!.GetParameters().Select(p => p.Name));
        Assert.Equal("NewOrder", client.GetMethod("CreateOrderAsync")!.GetParameters()[0].ParameterType.Name);
        Assert.Equal("Order", client.GetMethod("CreateOrderAsync")!.ReturnType.GetGenericArguments()[0].Name); // a response that is a $ref to a response
        Assert.Equal(["orderId", "cancellationToken"], client.GetMethod("GetOrderAsync")!.GetParameters().Select(p => p.Name));
        Assert.Equal("Order", client.GetMethod("GetOrderAsync")!.ReturnType.GetGenericArguments()[0].Name);
    }

    [Fact]
    public void A_reference_to_a_schema_inside_another_is_that_schemas_type()
    {
        var document = CorpusDocument.Get("pointer-refs");
        var field = document.Type("Field")!;
        var request = document.Type("CreateFieldRequest")!;

        Assert.Equal(typeof(string), request.GetProperty("Name")!.PropertyType);
        Assert.Equal(field.GetProperty("Kind")!.PropertyType, request.GetProperty("Kind")!.PropertyType); // one option type for both places
        Assert.Equal(field.GetProperty("Owner")!.PropertyType, request.GetProperty("Owner")!.PropertyType); // one model for both places
        Assert.Equal(typeof(string), request.GetProperty("Labels")!.PropertyType);
        Assert.Equal(["Id", "Label", "Name"], Properties(document.Type("Tagged")!)); // allOf parts named by pointer
        Assert.Equal([("maxLength", "$.name")], Validate(document, "CreateFieldRequest", $$"""{"name":"{{new string('n', 21)}}"}"""));
    }

    [Theory]
    [InlineData("nullable-30", "Product", "Price", typeof(double?))]
    [InlineData("nullable-30", "Product", "Discount", typeof(long?))]
    [InlineData("nullable-31", "Account", "ClosedAt", typeof(string))]
    [InlineData("nullable-31", "Account", "Limit", typeof(long?))]
    public void A_property_that_may_be_null_is_nullable_in_csharp_even_when_required(string name, string type, string property, Type expected)
    {
        var declared = CorpusDocument.Get(name).Type(type)!.GetProperty(property)!;

        Assert.Equal(expected, declared.PropertyType);
        Assert.Equal(NullabilityState.Nullable, new NullabilityInfoContext().Create(declared).WriteState);
    }

    [Fact]
    public void AnyOf_of_one_schema_and_null_is_that_schema_nullable_and_an_enum_beside_any_string_is_the_option_type()
    {
        var document = CorpusDocument.Get("nullable-alternatives");
        var run = document.Type("Run")!;

        Assert.Equal(typeof(string), run.GetProperty("Nickname")!.PropertyType);
        Assert.Equal(NullabilityState.Nullable, new NullabilityInfoContext().Create(run.GetProperty("Nickname")!).WriteState);
        Assert.Equal(typeof(long?), run.GetProperty("Age")!.PropertyType);
        Assert.Equal(typeof(IList<string>), run.GetProperty("Tags")!.PropertyType);
        Assert.Equal(["Depth"], Properties(run.GetProperty("Settings")!.PropertyType));
        Assert.Equal(["ModelA", "ModelB"], Options(Nullable.GetUnderlyingType(run.GetProperty("Model")!.PropertyType)!));
        Assert.Equal(["Fast", "Slow"], Options(Nullable.GetUnderlyingType(run.GetProperty("Mode")!.PropertyType)!));
        Assert.Equal(typeof(System.Text.Json.JsonElement?), run.GetProperty("Either")!.PropertyType); // a string or a number: a union (MAG003)
        // Required and nullable: null is read and written back, absence is an error; the alternative's constraints are checked.
        Assert.Equal("""{"nickname":null}""", Write(Read(document, "Run", """{"nickname":null}""")));
        Assert.Equal("$.nickname: missing required property", Assert.Throws<ModelArtsJsonException>(() => Read(document, "Run", "{}")).Message);
        Assert.Equal([("maxLength", "$.nickname")], Validate(document, "Run", """{"nickname":"much too long"}"""));
    }

    [Theory]
    [InlineData("nullable-30", "Product", """{"name":"Pen","price":null,"owner":null}""", null)]
    [InlineData("nullable-30", "Product", """{"name":"Pen","owner":null}""", "$.price: missing required property")]
    [InlineData("nullable-30", "Product", """{"name":"Pen","price":1}""", "$.owner: missing required property")]
    [InlineData("nullable-31", "Account", """{"id":"a","closed_at":null,"manager":null,"limit":null}""", null)]
    [InlineData("nullable-31", "Account", """{"id":"a","closed_at":null,"manager":null}""", "$.limit: missing required property")]
    public void Required_and_nullable_reads_null_but_not_absence(string name, string type, string json, string? error)
    {
        var document = CorpusDocument.Get(name);

        if (error is null)
        {
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(Write(Read(document, type, json)))));
        }
        else
        {
            Assert.Equal(error, Assert.Throws<ModelArtsJsonException>(() => Read(document, type, json)).Message);
        }
    }

    [Fact]
    public void An_explicit_null_of_an_optional_property_is_written_back_and_an_absent_one_stays_absent()
    {
        var document = CorpusDocument.Get("nullable-30");

        Assert.Equal("""{"name":"Pen","price":null,"description":null,"owner":null}""", Write(Read(document, "Product", """{"name":"Pen","price":null,"description":null,"owner":null}""")));
        Assert.Equal("""{"name":"Pen","price":null,"owner":null}""", Write(Read(document, "Product", """{"name":"Pen","price":null,"owner":null}""")));
        // Set in code and never given: a required nullable property is still sent, as null.
        var created = Activator.CreateInstance(document.Type("Product")!)!;
        created.GetType().GetProperty("Name")!.SetValue(created, "Pen");
        Assert.Equal("""{"name":"Pen","price":null,"owner":null}""", Write(created));
    }

    [Fact]
    public void An_enum_component_is_one_type_wherever_it_is_referenced()
    {
        var document = CorpusDocument.Get("shared-enum");
        var association = document.Type("AuthorAssociation")!;
        var nullable = typeof(Nullable<>).MakeGenericType(association);

        Assert.Single(document.Assembly.GetTypes(), t => t.Name.StartsWith("AuthorAssociation", StringComparison.Ordinal));
        Assert.Equal(nullable, document.Type("Issue")!.GetProperty("AuthorAssociation")!.PropertyType);
        Assert.Equal(nullable, document.Type("Comment")!.GetProperty("AuthorAssociation")!.PropertyType);
        Assert.Equal(nullable, document.Type("PullRequest")!.GetProperty("AuthorAssociation")!.PropertyType);
        Assert.Equal(nullable, document.Type("IssueReviewer")!.GetProperty("Association")!.PropertyType);
        Assert.Equal(nullable, document.Type("CreateCommentRequest")!.GetProperty("As")!.PropertyType);
        Assert.Equal(typeof(IList<>).MakeGenericType(association), document.Type("CreateCommentRequest")!.GetProperty("VisibleTo")!.PropertyType);
        Assert.Equal(typeof(IDictionary<,>).MakeGenericType(typeof(string), association), document.Type("Issue")!.GetProperty("Reactions")!.PropertyType);
        Assert.Equal(nullable, document.Client.GetMethod("ListIssuesAsync")!.GetParameters().Single(p => p.Name == "association").ParameterType);
        // An inline list with the same values is one type too.
        var state = document.Type("Issue")!.GetProperty("State")!.PropertyType;
        Assert.Equal(state, document.Type("PullRequest")!.GetProperty("State")!.PropertyType);
        Assert.Equal(state, document.Client.GetMethod("ListIssuesAsync")!.GetParameters().Single(p => p.Name == "state").ParameterType);
    }

    [Fact]
    public void OneOf_or_anyOf_of_const_alternatives_is_an_option_list_named_by_the_titles()
    {
        var document = CorpusDocument.Get("titled-enums");
        var channel = document.Type("Channel")!;

        Assert.Equal(["GuildText", "Dm", "GuildVoice"], Options(document.Type("ChannelKinds")!));
        Assert.Equal(["TypingStart", "InviteCreate", "_3rdParty"], Options(document.Type("EventNames")!));
        Assert.Equal(["On", "Off"], Options(document.Type("ChannelState")!)); // no titles: named by value
        Assert.Equal(["Low", "Low2"], Options(document.Type("ChannelLevel")!)); // titles that clash are renamed (MAG004)
        Assert.Equal(typeof(Nullable<>).MakeGenericType(document.Type("ChannelKinds")!), channel.GetProperty("Kind")!.PropertyType);
        Assert.Equal(typeof(Nullable<>).MakeGenericType(document.Type("EventNames")!), channel.GetProperty("Event")!.PropertyType);
        Assert.Equal(typeof(System.Text.Json.JsonElement?), channel.GetProperty("Mixed")!.PropertyType); // a string and a number: a union (MAG003)
        Assert.Equal("GetChannelSort", Nullable.GetUnderlyingType(document.Client.GetMethod("GetChannelAsync")!.GetParameters().Single(p => p.Name == "sort").ParameterType)!.Name);
        var read = Read(document, "Channel", """{"kind":2,"event":"INVITE_CREATE","state":"off"}""");
        Assert.Equal(document.Type("ChannelKinds")!.GetProperty("GuildVoice")!.GetValue(null), channel.GetProperty("Kind")!.GetValue(read));
        Assert.Equal(document.Type("EventNames")!.GetProperty("InviteCreate")!.GetValue(null), channel.GetProperty("Event")!.GetValue(read));
    }

    [Fact]
    public void Names_that_differ_only_in_case_or_punctuation_stay_apart()
    {
        var document = CorpusDocument.Get("case-and-punctuation");

        Assert.Equal(["Plus1", "Minus1", "Laugh", "Laugh2", "FooBar", "FooBar2", "Url", "CreatedLt", "CreatedGt", "CreatedGe"], Properties(document.Type("Reactions")!));
        Assert.NotNull(document.Type("Reactions2"));
        Assert.Equal(["id", "id2", "perPage", "perPage2", "cancellationToken"], document.Client.GetMethod("GetReactionsAsync")!.GetParameters().Select(p => p.Name));
        Assert.NotNull(document.Client.GetMethod("GetReactions2Async"));
        var written = Write(Read(document, "Reactions", """{"+1":3,"-1":1}"""));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"+1":3,"-1":1}"""), JsonNode.Parse(written)), written);
    }

    [Fact]
    public void Names_of_the_generated_code_never_take_a_documents_name()
    {
        var document = CorpusDocument.Get("locals");

        Assert.Equal(
            ["path", "query", "cancellationToken2", "body2", "projectId2", "response", "violations", "method", "content", "pipeline", "cancellationToken"],
            document.Client.GetMethod("GetFileAsync")!.GetParameters().Select(p => p.Name));
        Assert.Equal(["query", "body", "projectId", "cancellationToken"], document.Client.GetMethod("SearchAsync")!.GetParameters().Select(p => p.Name));
        Assert.Contains("pageSize2", document.Client.GetMethod("ListItemsItemsAsync")!.GetParameters().Select(p => p.Name));
        Assert.NotNull(document.Client.GetMethod("ListItemsItems2Async"));
        // Task is a type every file with implicit usings sees: the schema's class is TaskObject, so its Task property keeps its name.
        Assert.Null(document.Type("Task"));
        Assert.Equal(["Value", "Index", "Unknown", "Reader", "Writer", "Form", "Violations", "Path", "Task", "System", "Global", "SNames", "Nulls", "E"], Properties(document.Type("TaskObject")!));
    }

    private static List<string> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "AdditionalProperties" && p.DeclaringType == type && p.Name != "EqualityContract").Select(p => p.Name).ToList();

    /// <summary>The documented options of a generated option list, in order.</summary>
    private static List<string> Options(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == type).Select(p => p.Name).ToList();

    private static object Read(CorpusDocument document, string type, string json) =>
        GeneratedAssembly.Invoke(document.Type(type)!.GetMethod("FromJson", [typeof(string)])!, null, json)!;

    private static string Write(object model) => (string)GeneratedAssembly.Invoke(model.GetType().GetMethod("ToJson")!, model)!;

    private static List<(string Rule, string Path)> Validate(CorpusDocument document, string type, string json)
    {
        var model = Read(document, type, json);
        var violations = (System.Collections.IEnumerable)GeneratedAssembly.Invoke(model.GetType().GetMethod("Validate", Type.EmptyTypes)!, model)!;
        return violations.Cast<ModelArts.Runtime.Validation.ModelArtsViolation>().Select(v => (v.RuleId, v.Path)).ToList();
    }
}
