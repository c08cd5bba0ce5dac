# Generates connectors/ifc/src/test/resources/ifc/geometry-4.ifc
import sys
SCHEMA = sys.argv[1] if len(sys.argv) > 1 else 'IFC4'
IFC4 = SCHEMA != 'IFC2X3'
lines = []
n = [0]
def e(text):
    n[0] += 1
    lines.append("#%d=%s;" % (n[0], text))
    return "#%d" % n[0]
def pt(*c):
    return e("IFCCARTESIANPOINT((%s))" % ",".join("%s." % v if float(v).is_integer() else str(v) for v in c))
def d(*c):
    return e("IFCDIRECTION((%s))" % ",".join(str(float(v)) for v in c))
origin = pt(0, 0, 0)
zdir = d(0, 0, 1)
wcs = e("IFCAXIS2PLACEMENT3D(%s,$,$)" % origin)
ctx = e("IFCGEOMETRICREPRESENTATIONCONTEXT($,'Model',3,1.E-05,%s,$)" % wcs)
body = e("IFCGEOMETRICREPRESENTATIONSUBCONTEXT('Body','Model',*,*,*,*,%s,$,.MODEL_VIEW.,$)" % ctx)
mm = e("IFCSIUNIT(*,.LENGTHUNIT.,.MILLI.,.METRE.)")
rad = e("IFCSIUNIT(*,.PLANEANGLEUNIT.,$,.RADIAN.)")
units = e("IFCUNITASSIGNMENT((%s,%s))" % (mm, rad))
project = e("IFCPROJECT('0Geometry0000000000000P',$,'Geometry fixtures',$,$,$,$,(%s),%s)" % (ctx, units))
count = [0]
def proxy(name, reps, placement=None):
    count[0] += 1
    guid = ("0Geo%s" % name.replace("-", ""))[:18].ljust(18, "0") + "%04d" % count[0]
    assert len(guid) == 22, guid
    if placement is None:
        placement = e("IFCLOCALPLACEMENT($,%s)" % e("IFCAXIS2PLACEMENT3D(%s,$,$)" % origin))
    shape = e("IFCPRODUCTDEFINITIONSHAPE($,$,(%s))" % ",".join(reps))
    e("IFCBUILDINGELEMENTPROXY('%s',$,'%s',$,$,%s,%s,$,$)" % (guid, name, placement, shape))
def rep(kind, typ, *items, context=None):
    return e("IFCSHAPEREPRESENTATION(%s,'%s','%s',(%s))" % (context or body, kind, typ, ",".join(items)))
def extrude(profile, depth=1000.0, position=None, direction=None):
    position = position or e("IFCAXIS2PLACEMENT3D(%s,$,$)" % origin)
    return e("IFCEXTRUDEDAREASOLID(%s,%s,%s,%s)" % (profile, position, direction or zdir, float(depth)))
def polyline(*points):
    ids = [pt(*p) for p in points]
    return e("IFCPOLYLINE((%s))" % ",".join(ids + [ids[0]]))
def pos2d(x, y):
    return e("IFCAXIS2PLACEMENT2D(%s,$)" % pt(x, y))

# a 2 x 3 m rectangle extruded 4 m, placed at (10, 20, 0) turned a quarter about z; also an Axis representation
rect = e("IFCRECTANGLEPROFILEDEF(.AREA.,$,$,2000.,3000.)")
turned = e("IFCLOCALPLACEMENT($,%s)" % e("IFCAXIS2PLACEMENT3D(%s,$,%s)" % (pt(10000, 20000, 0), d(0, 1, 0))))
axis = e("IFCPOLYLINE((%s,%s))" % (pt(0, 0), pt(2000, 0)))
proxy("rectangle", [rep("Axis", "Curve2D", axis), rep("Body", "SweptSolid", extrude(rect, 4000))], turned)
proxy("circle", [rep("Body", "SweptSolid", extrude(e("IFCCIRCLEPROFILEDEF(.AREA.,$,$,1000.)")))])
proxy("circle-hollow", [rep("Body", "SweptSolid", extrude(e("IFCCIRCLEHOLLOWPROFILEDEF(.AREA.,$,$,1000.,100.)")))])
proxy("rounded-rectangle", [rep("Body", "SweptSolid", extrude(e("IFCROUNDEDRECTANGLEPROFILEDEF(.AREA.,$,$,2000.,1000.,200.)")))])
proxy("rounded-fully", [rep("Body", "SweptSolid", extrude(e("IFCROUNDEDRECTANGLEPROFILEDEF(.AREA.,$,$,2000.,1000.,500.)")))])
proxy("hollow-rectangle", [rep("Body", "SweptSolid", extrude(e("IFCRECTANGLEHOLLOWPROFILEDEF(.AREA.,$,$,2000.,1000.,100.,$,$)")))])
proxy("ellipse", [rep("Body", "SweptSolid", extrude(e("IFCELLIPSEPROFILEDEF(.AREA.,$,$,2000.,1000.)")))])
# IFC2X3 profiles have trailing centre-of-gravity attributes that IFC4 dropped
x3 = lambda n: "" if IFC4 else ",$" * n
proxy("L-shape", [rep("Body", "SweptSolid", extrude(e("IFCLSHAPEPROFILEDEF(.AREA.,$,$,200.,100.,10.,$,$,$%s)" % x3(2))))])
if IFC4:
    proxy("I-shape", [rep("Body", "SweptSolid", extrude(e("IFCISHAPEPROFILEDEF(.AREA.,$,$,200.,300.,10.,20.,$,$,$)")))])
else:
    proxy("I-shape", [rep("Body", "SweptSolid", extrude(e("IFCISHAPEPROFILEDEF(.AREA.,$,$,200.,300.,10.,20.,$)")))])
proxy("T-shape", [rep("Body", "SweptSolid", extrude(e("IFCTSHAPEPROFILEDEF(.AREA.,$,$,300.,200.,10.,20.,$,$,$,$,$%s)" % x3(1))))])
proxy("U-shape", [rep("Body", "SweptSolid", extrude(e("IFCUSHAPEPROFILEDEF(.AREA.,$,$,300.,100.,10.,20.,$,$,$%s)" % x3(1))))])
proxy("C-shape", [rep("Body", "SweptSolid", extrude(e("IFCCSHAPEPROFILEDEF(.AREA.,$,$,300.,100.,10.,30.,$%s)" % x3(1))))])
proxy("Z-shape", [rep("Body", "SweptSolid", extrude(e("IFCZSHAPEPROFILEDEF(.AREA.,$,$,300.,100.,10.,20.,$,$)")))])
# a 4 x 4 m square with a 2 x 2 m hole, extruded 1 m
outer = polyline((0, 0), (4000, 0), (4000, 4000), (0, 4000))
inner = polyline((1000, 1000), (1000, 3000), (3000, 3000), (3000, 1000))
proxy("with-void", [rep("Body", "SweptSolid", extrude(e("IFCARBITRARYPROFILEDEFWITHVOIDS(.AREA.,$,%s,(%s))" % (outer, inner))))])
# a concave comb, extruded 1 m slanted by 45 degrees (the volume does not change)
comb = polyline((0, 0), (5000, 0), (5000, 3000), (4000, 3000), (4000, 1000), (3000, 1000), (3000, 3000), (2000, 3000),
                (2000, 1000), (1000, 1000), (1000, 3000), (0, 3000))
proxy("comb-slanted", [rep("Body", "SweptSolid", extrude(e("IFCARBITRARYCLOSEDPROFILEDEF(.AREA.,$,%s)" % comb), 1000,
                                                     direction=d(0, 1, 1)))])
# a D: half circle of radius 1 m (trimmed IfcCircle, radians) closed by a line, in a composite curve
circle = e("IFCCIRCLE(%s,1000.)" % pos2d(0, 0))
arc = e("IFCTRIMMEDCURVE(%s,(IFCPARAMETERVALUE(0.)),(IFCPARAMETERVALUE(3.141592653589793)),.T.,.PARAMETER.)" % circle)
chord = e("IFCPOLYLINE((%s,%s))" % (pt(-1000, 0), pt(1000, 0)))
composite = e(("IFCCOMPOSITECURVE(" if IFC4 else "IFC2DCOMPOSITECURVE(") + "(%s,%s),.F.)" % (e("IFCCOMPOSITECURVESEGMENT(.CONTINUOUS.,.T.,%s)" % arc),
                                                   e("IFCCOMPOSITECURVESEGMENT(.CONTINUOUS.,.T.,%s)" % chord)))
proxy("D-composite", [rep("Body", "SweptSolid", extrude(e("IFCARBITRARYCLOSEDPROFILEDEF(.AREA.,$,%s)" % composite)))])
if IFC4:
  plist = e("IFCCARTESIANPOINTLIST2D(((1000.,0.),(0.,1000.),(-1000.,0.)))")
  indexed = e("IFCINDEXEDPOLYCURVE(%s,(IFCARCINDEX((1,2,3)),IFCLINEINDEX((3,1))),$)" % plist)
  proxy("D-indexed", [rep("Body", "SweptSolid", extrude(e("IFCARBITRARYCLOSEDPROFILEDEF(.AREA.,$,%s)" % indexed)))])
# a 1 m cube as a representation map, mapped with scale 2, 3, 4; and mirrored
cube = extrude(e("IFCRECTANGLEPROFILEDEF(.AREA.,$,$,1000.,1000.)"))
cmap = e("IFCREPRESENTATIONMAP(%s,%s)" % (e("IFCAXIS2PLACEMENT3D(%s,$,$)" % origin), rep("Body", "SweptSolid", cube)))
scale = e("IFCCARTESIANTRANSFORMATIONOPERATOR3DNONUNIFORM($,$,%s,2.,$,3.,4.)" % pt(0, 0, 0))
proxy("mapped-scaled", [rep("Body", "MappedRepresentation", e("IFCMAPPEDITEM(%s,%s)" % (cmap, scale)))])
mirror = e("IFCCARTESIANTRANSFORMATIONOPERATOR3D(%s,%s,%s,$,%s)" % (d(-1, 0, 0), d(0, 1, 0), pt(5000, 0, 0), d(0, 0, 1)))
proxy("mapped-mirrored", [rep("Body", "MappedRepresentation", e("IFCMAPPEDITEM(%s,%s)" % (cmap, mirror)))])
# a 1 m cube as a faceted brep
P = [pt(*p) for p in [(0, 0, 0), (1000, 0, 0), (1000, 1000, 0), (0, 1000, 0), (0, 0, 1000), (1000, 0, 1000), (1000, 1000, 1000), (0, 1000, 1000)]]
def face(*idx):
    loop = e("IFCPOLYLOOP((%s))" % ",".join(P[i - 1] for i in idx))
    return e("IFCFACE((%s))" % e("IFCFACEOUTERBOUND(%s,.T.)" % loop))
faces = [face(1, 4, 3, 2), face(5, 6, 7, 8), face(1, 2, 6, 5), face(2, 3, 7, 6), face(3, 4, 8, 7), face(4, 1, 5, 8)]
proxy("brep-cube", [rep("Body", "Brep", e("IFCFACETEDBREP(%s)" % e("IFCCLOSEDSHELL((%s))" % ",".join(faces))))])
# a 1 m square face with a 0.5 m square hole, as a shell based surface model
Q = [pt(*p) for p in [(0, 0, 0), (1000, 0, 0), (1000, 1000, 0), (0, 1000, 0), (250, 250, 0), (750, 250, 0), (750, 750, 0), (250, 750, 0)]]
outer_loop = e("IFCPOLYLOOP((%s))" % ",".join(Q[0:4]))
hole_loop = e("IFCPOLYLOOP((%s))" % ",".join(Q[4:8]))
holed = e("IFCFACE((%s,%s))" % (e("IFCFACEOUTERBOUND(%s,.T.)" % outer_loop), e("IFCFACEBOUND(%s,.T.)" % hole_loop)))
proxy("face-with-hole", [rep("Body", "SurfaceModel", e("IFCSHELLBASEDSURFACEMODEL((%s))" % e("IFCOPENSHELL((%s))" % holed)))])
# a tetrahedron as a triangulated face set whose points go through PnIndex (point 1 is not used)
if IFC4:
  tpts = e("IFCCARTESIANPOINTLIST3D(((5000.,5000.,5000.),(0.,0.,0.),(1000.,0.,0.),(0.,1000.,0.),(0.,0.,1000.)))")
  proxy("triangulated", [rep("Body", "Tessellation", e("IFCTRIANGULATEDFACESET(%s,$,.T.,((1,3,2),(1,2,4),(1,4,3),(2,3,4)),(2,3,4,5))" % tpts))])
# a 1 m cube as a polygonal face set
  cpts = e("IFCCARTESIANPOINTLIST3D(((0.,0.,0.),(1000.,0.,0.),(1000.,1000.,0.),(0.,1000.,0.),(0.,0.,1000.),(1000.,0.,1000.),(1000.,1000.,1000.),(0.,1000.,1000.)))")
  pfaces = [e("IFCINDEXEDPOLYGONALFACE((%s))" % ",".join(str(i) for i in f)) for f in
            [(1, 4, 3, 2), (5, 6, 7, 8), (1, 2, 6, 5), (2, 3, 7, 6), (3, 4, 8, 7), (4, 1, 5, 8)]]
  proxy("polygonal", [rep("Body", "Tessellation", e("IFCPOLYGONALFACESET(%s,.T.,(%s),$)" % (cpts, ",".join(pfaces))))])
# a 1 x 1 x 2 m box, the part above z = 1 m cut away by a half space
tall = extrude(e("IFCRECTANGLEPROFILEDEF(.AREA.,$,$,1000.,1000.)"), 2000)
plane = e("IFCPLANE(%s)" % e("IFCAXIS2PLACEMENT3D(%s,$,$)" % pt(0, 0, 1000)))
proxy("clipped", [rep("Body", "Clipping", e("IFCBOOLEANCLIPPINGRESULT(.DIFFERENCE.,%s,%s)" % (tall, e("IFCHALFSPACESOLID(%s,.F.)" % plane))))])
# a 10 m wall, 0.3 m thick, 5 m high, cut to a gable (2 m at the ends, 4 m in the middle) by two bounded half spaces
wall = extrude(e("IFCRECTANGLEPROFILEDEF(.AREA.,$,%s,10000.,300.)" % pos2d(5000, 150)), 5000)
def bounded(location, normal, x0, x1):
    plane = e("IFCPLANE(%s)" % e("IFCAXIS2PLACEMENT3D(%s,%s,%s)" % (pt(*location), d(*normal), d(1, 0, 0))))
    boundary = polyline((x0, -1000), (x1, -1000), (x1, 1000), (x0, 1000))
    return e("IFCPOLYGONALBOUNDEDHALFSPACE(%s,.F.,%s,%s)" % (plane, e("IFCAXIS2PLACEMENT3D(%s,$,$)" % origin), boundary))
left = e("IFCBOOLEANCLIPPINGRESULT(.DIFFERENCE.,%s,%s)" % (wall, bounded((0, 0, 2000), (-0.4, 0, 1), -1000, 5000)))
both = e("IFCBOOLEANCLIPPINGRESULT(.DIFFERENCE.,%s,%s)" % (left, bounded((10000, 0, 2000), (0.4, 0, 1), 5000, 11000)))
proxy("gable", [rep("Body", "Clipping", both)])
# a 1 x 1 m square at 1 to 2 m from the y axis, turned a quarter and all the way round it
square = e("IFCRECTANGLEPROFILEDEF(.AREA.,$,%s,1000.,1000.)" % pos2d(1500, 500))
yaxis = e("IFCAXIS1PLACEMENT(%s,%s)" % (pt(0, 0, 0), d(0, 1, 0)))
proxy("revolved-quarter", [rep("Body", "SweptSolid", e("IFCREVOLVEDAREASOLID(%s,%s,%s,1.5707963267948966)" % (square, e("IFCAXIS2PLACEMENT3D(%s,$,$)" % origin), yaxis)))])
proxy("revolved-full", [rep("Body", "SweptSolid", e("IFCREVOLVEDAREASOLID(%s,%s,%s,6.283185307179586)" % (square, e("IFCAXIS2PLACEMENT3D(%s,$,$)" % origin), yaxis)))])
# a square frustum: 1 x 1 m at the bottom, 0.5 x 0.5 m at the top, 1 m high
if IFC4:
  bottom = e("IFCRECTANGLEPROFILEDEF(.AREA.,$,$,1000.,1000.)")
  top = e("IFCRECTANGLEPROFILEDEF(.AREA.,$,$,500.,500.)")
  proxy("tapered", [rep("Body", "SweptSolid", e("IFCEXTRUDEDAREASOLIDTAPERED(%s,%s,%s,1000.,%s)" % (bottom, e("IFCAXIS2PLACEMENT3D(%s,$,$)" % origin), zdir, top)))])
# a 50 mm rod along an L of 1 + 1 m, and a straight 100 mm tube with a 50 mm bore, 1 m long
bend = e("IFCPOLYLINE((%s,%s,%s))" % (pt(0, 0, 0), pt(1000, 0, 0), pt(1000, 1000, 0)))
proxy("swept-disk", [rep("Body", "AdvancedSweptSolid", e("IFCSWEPTDISKSOLID(%s,50.,$,$,$)" % bend))])
straight = e("IFCPOLYLINE((%s,%s))" % (pt(0, 0, 0), pt(0, 0, 1000)))
proxy("swept-disk-hollow", [rep("Body", "AdvancedSweptSolid", e("IFCSWEPTDISKSOLID(%s,100.,50.,$,$)" % straight))])
# a 1 m cube as a faceted brep with a 0.5 m cubic void in the middle (the void's shell faces out of the void)
V = [pt(*p) for p in [(250, 250, 250), (750, 250, 250), (750, 750, 250), (250, 750, 250), (250, 250, 750), (750, 250, 750), (750, 750, 750), (250, 750, 750)]]
def vface(*idx):
    loop = e("IFCPOLYLOOP((%s))" % ",".join(V[i - 1] for i in idx))
    return e("IFCFACE((%s))" % e("IFCFACEOUTERBOUND(%s,.T.)" % loop))
vfaces = [vface(1, 4, 3, 2), vface(5, 6, 7, 8), vface(1, 2, 6, 5), vface(2, 3, 7, 6), vface(3, 4, 8, 7), vface(4, 1, 5, 8)]
outer_shell = e("IFCCLOSEDSHELL((%s))" % ",".join(faces))
void_shell = e("IFCCLOSEDSHELL((%s))" % ",".join(vfaces))
proxy("brep-with-void", [rep("Body", "Brep", e("IFCFACETEDBREPWITHVOIDS(%s,(%s))" % (outer_shell, void_shell)))])
# only a bounding box
proxy("box-only", [rep("Box", "BoundingBox", e("IFCBOUNDINGBOX(%s,1000.,2000.,3000.)" % pt(0, 0, 0)))])
# only an axis
proxy("axis-only", [rep("Axis", "Curve2D", e("IFCPOLYLINE((%s,%s,%s))" % (pt(0, 0), pt(3000, 0), pt(3000, 4000))))])
# a body the connector cannot read
proxy("unsupported", [rep("Body", "AdvancedBrep", e("IFCADVANCEDBREP($)"))])

header = """ISO-10303-21;
HEADER;
FILE_DESCRIPTION(('ViewDefinition [DesignTransferView]'),'2;1');
FILE_NAME('geometry-%s.ifc','2026-01-01T00:00:00',('Sinter'),('Sinter'),'hand-written','generator script','');
FILE_SCHEMA(('%s'));
ENDSEC;
DATA;
"""
sys.stdout.write(header % ("4" if IFC4 else "2x3", SCHEMA) + "\n".join(lines) + "\nENDSEC;\nEND-ISO-10303-21;\n")
