// The quickstart: build a request straight from the documentation's example, check it, and print it.
// Sending it needs credentials and an endpoint (see README, "Configuration").
using ModelArts;
using QuickStart.Pets;

var request = new CreateProcessorTaskRequest
{
    Name = "PRE-e77c",
    Template = new TemplateParam { Id = "sys_data_validation" },
    Inputs = [new ProcessorDataSource { Type = "DATASET", Source = "PYc9H2HGv5BJNwBGXyK", VersionId = "yoJ5ssClpNlOrsjjFDa" }],
    WorkPath = new WorkPath { Type = "DATASET", Path = "PYc9H2HGv5BJNwBGXyK", VersionName = "V0010" },
    CreateVersion = true,
};

Console.WriteLine(request.ToJson());
Console.WriteLine(request.Validate().Count == 0 ? "valid" : string.Join(Environment.NewLine, request.Validate()));

var pet = Pet.FromJson("""{"name":"Rex","kind":"dog"}""");
Console.WriteLine($"{pet.Name} is a {pet.Kind} ({(pet.Kind?.IsKnown == true ? "documented" : "undocumented")} kind)");
_ = typeof(PetsClient);
