using ModelArts.SpecExtractor.Schema;
using Xunit;

namespace ModelArts.SpecExtractor.Tests.Schema;

public sealed class TypeExpressionTests
{
    [Theory]
    [InlineData("String", "string:")]
    [InlineData("Integer", "integer:int32")]
    [InlineData("Long", "integer:int64")]
    [InlineData("Float", "number:float")]
    [InlineData("Double", "number:double")]
    [InlineData("Boolean", "boolean:")]
    public void Primitives(string text, string expected)
    {
        var type = Assert.IsType<PrimitiveType>(TypeExpression.Parse(text));

        Assert.Equal(expected, $"{type.JsonType}:{type.Format}");
    }

    [Fact]
    public void Composite_types()
    {
        Assert.IsType<FreeObjectType>(TypeExpression.Parse("Object"));
        Assert.Equal(new NamedType("ProcessorDataSource"), TypeExpression.Parse("ProcessorDataSource object"));
        Assert.Equal(new ArrayType(new NamedType("Worker")), TypeExpression.Parse("Array of Worker objects"));
        Assert.Equal(new ArrayType(new PrimitiveType("string", null)), TypeExpression.Parse("Array of strings"));
        Assert.Equal(new ArrayType(new PrimitiveType("integer", "int32")), TypeExpression.Parse("Array of integers"));
        Assert.IsType<FreeObjectType>(Assert.IsType<ArrayType>(TypeExpression.Parse("Array of objects")).Items);
        Assert.IsType<FreeObjectType>(Assert.IsType<ArrayType>(TypeExpression.Parse("Array<Object>")).Items);
        Assert.Equal(new MapType(new ArrayType(new PrimitiveType("string", null))), TypeExpression.Parse("Map<String,Array<String>>"));
        Assert.Equal(new MapType(new MapType(new PrimitiveType("integer", "int32"))), TypeExpression.Parse("Map<String,Map<String,Integer>>"));
        Assert.Equal(new MapType(new ArrayType(new NamedType("LabelStats"))), TypeExpression.Parse("Map<String,Array<LabelStats>>"));
    }

    [Fact]
    public void Type_cells_of_the_other_chapters()
    {
        Assert.Equal(new ArrayType(new MapType(new PrimitiveType("string", null))), TypeExpression.Parse("Array of Map<String,String> objects"));
        Assert.Equal(new MapType(new NamedType("ModelAdditionalProperties")), TypeExpression.Parse("Map<String, ModelAdditionalProperties>"));
        Assert.Equal(new ArrayType(new ArrayType(new PrimitiveType("integer", "int32"))), TypeExpression.Parse("Array<Array<Integer>>"));
        Assert.Equal(new ArrayType(new NamedType("jobs")), TypeExpression.Parse("jobs array")); // old style: the table "jobs parameters"
        Assert.IsType<UnknownType>(Assert.IsType<ArrayType>(TypeExpression.Parse("JSON Array")).Items);
        Assert.IsType<FreeObjectType>(TypeExpression.Parse("Dict"));
        Assert.IsType<FreeObjectType>(TypeExpression.Parse("JSON"));
    }

    [Theory]
    [InlineData("Task ID.")]
    [InlineData("OK")]
    [InlineData("Yes")]
    public void Description_text_does_not_look_like_a_type(string text) => Assert.False(TypeExpression.LooksLikeType(text));

    [Theory]
    [InlineData("String")]
    [InlineData("Worker object")]
    [InlineData("Array of Worker objects")]
    public void Type_cells_look_like_types(string text) => Assert.True(TypeExpression.LooksLikeType(text));
}
