#define BOOST_TEST_MODULE docx
#include <boost/test/unit_test.hpp>
